// SOPS connector: encrypted YAML/JSON/dotenv files in a local checkout. One secret per encrypted
// key path (`payments/secrets.enc.yaml#stripe.api_key`), because a file usually bundles several
// credentials with different owners and rotations; all keys of a file share its recipients
// (readers) and its lastmodified. Nothing is decrypted.
import path from "node:path";
import type { Connector, SecretMetadata } from "@/lib/sources/types";
import { sopsConfigSchema, type SopsConfig } from "@/lib/sources/sops/config";
import { findSopsFiles, readSopsFileText, repositoryRoot } from "@/lib/sources/sops/find-files";
import { parseDotenvSopsFile } from "@/lib/sources/sops/parse-dotenv-file";
import { parseStructuredSopsFile, type ParsedSopsFile } from "@/lib/sources/sops/parse-structured-file";
import { sopsPolicy } from "@/lib/sources/sops/policy";

export function parseSopsFile(text: string, file: string): ParsedSopsFile {
  if (/\.env$/i.test(file)) return parseDotenvSopsFile(text, file);
  return parseStructuredSopsFile(text, file, /\.json$/i.test(file) ? "JSON" : "YAML");
}

type ScannedFile = { file: string; parsed: ParsedSopsFile };

/** Parses every matching file before anything is emitted: one malformed file fails the sync and changes nothing. */
async function scan(config: SopsConfig): Promise<{ root: string; files: ScannedFile[] }> {
  const root = await repositoryRoot(config.repoPath);
  const files: ScannedFile[] = [];
  for (const file of await findSopsFiles(root, config.globs)) {
    files.push({ file, parsed: parseSopsFile(await readSopsFileText(root, file), file) });
  }
  return { root, files };
}

function toSecretMetadata({ file, parsed }: ScannedFile, keyPath: string, repo: string): SecretMetadata {
  const { metadata } = parsed;
  const id = `${file}#${keyPath}`;
  return {
    externalId: id,
    name: id,
    createdAt: null,
    updatedAt: metadata.lastModified,
    lastRotatedAt: metadata.lastModified,
    versionCount: null,
    tags: metadata.version ? { "sops-version": metadata.version } : {},
    owners: {},
    consumers: [],
    place: `SOPS file ${file} in ${repo}`,
    readers: metadata.recipients,
  };
}

export const sopsConnector: Connector<SopsConfig> = {
  kind: "sops",
  label: "SOPS files",
  provides: ["externalId", "name", "updatedAt", "lastRotatedAt", "tags", "readers"],
  configSchema: sopsConfigSchema,
  policy: sopsPolicy,

  async testConnection(ctx) {
    const { root, files } = await scan(ctx.config);
    const keys = files.reduce((n, f) => n + f.parsed.keyPaths.length, 0);
    const recipients = new Set(files.flatMap((f) => f.parsed.metadata.recipients));
    return { detail: `${files.length} SOPS file(s) in ${root}: ${keys} encrypted key(s), ${recipients.size} distinct recipient(s) who can decrypt them.` };
  },

  async *listSecrets(ctx) {
    const { root, files } = await scan(ctx.config);
    const repo = path.basename(root);
    for (const scanned of files) {
      for (const keyPath of scanned.parsed.keyPaths) yield toSecretMetadata(scanned, keyPath, repo);
    }
  },
};
