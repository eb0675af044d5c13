// The `sops` metadata block of an encrypted file (getsops/sops stores/stores.go): who can decrypt
// it and when it was last written. Data keys (`enc`) and the MAC are never kept: zod drops them.
import { z } from "zod";
import { SourceError } from "@/lib/sources/source-error";

const text = z.string().trim().min(1);
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish();

const keyGroup = z.object({
  kms: list(z.object({ arn: text, role: z.string().nullish() })),
  gcp_kms: list(z.object({ resource_id: text })),
  azure_kv: list(z.object({ vault_url: text, name: text, version: z.string().nullish() })),
  hc_vault: list(z.object({ vault_address: text, engine_path: text, key_name: text })),
  age: list(z.object({ recipient: text })),
  pgp: list(z.object({ fp: text })),
});

const sopsBlockSchema = keyGroup.extend({
  key_groups: z.array(keyGroup).nullish(),
  shamir_threshold: z.coerce.number().int().nullish(),
  lastmodified: z.string({ error: "lastmodified is missing" }).refine((v) => !Number.isNaN(Date.parse(v)), "lastmodified is not an RFC 3339 date"),
  mac: z.string({ error: "mac is missing" }).min(1, "mac is empty"),
  version: z.union([z.string(), z.number()]).nullish(),
});

export type SopsFileMetadata = { lastModified: Date; version: string | null; recipients: string[]; shamirThreshold: number | null };
/** Finds the 1-based line of a path inside the sops block, or of the nearest parent that exists. */
export type LocatePath = (path: PropertyKey[]) => number | null;

export function malformed(file: string, line: number | null, what: string): SourceError {
  return new SourceError("malformed", `SOPS file ${file}${line ? ` line ${line}` : ""}: ${what}.`);
}

function recipientsOf(group: z.infer<typeof keyGroup>): string[] {
  return [
    ...(group.kms ?? []).map((k) => `aws-kms:${k.arn}${k.role ? ` (via role ${k.role})` : ""}`),
    ...(group.gcp_kms ?? []).map((k) => `gcp-kms:${k.resource_id}`),
    ...(group.azure_kv ?? []).map((k) => `azure-kv:${k.vault_url.replace(/\/+$/, "")}/keys/${k.name}${k.version ? `/${k.version}` : ""}`),
    ...(group.hc_vault ?? []).map((k) => `hc-vault:${k.vault_address.replace(/\/+$/, "")}/v1/${k.engine_path.replace(/^\/+|\/+$/g, "")}/keys/${k.key_name}`),
    ...(group.age ?? []).map((k) => `age:${k.recipient}`),
    ...(group.pgp ?? []).map((k) => `pgp:${k.fp.replace(/\s+/g, "").toUpperCase()}`),
  ];
}

export function readSopsBlock(raw: unknown, locate: LocatePath, file: string): SopsFileMetadata {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw malformed(file, locate([]), "the sops metadata is not a mapping");
  const parsed = sopsBlockSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const field = path.length ? `sops.${path.join(".")}` : "sops";
    const problem = !issue ? "invalid" : /received undefined/.test(issue.message) ? "is missing" : issue.message;
    throw malformed(file, locate(path), `${field}: ${problem}`);
  }
  const block = parsed.data;
  const recipients = [...new Set([block, ...(block.key_groups ?? [])].flatMap(recipientsOf))];
  if (recipients.length === 0) throw malformed(file, locate([]), "the sops metadata names no key (kms, gcp_kms, azure_kv, hc_vault, age or pgp), so nobody can decrypt it");
  return {
    lastModified: new Date(block.lastmodified),
    version: block.version === null || block.version === undefined ? null : String(block.version),
    recipients,
    shamirThreshold: block.shamir_threshold ?? null,
  };
}
