// A SOPS-encrypted dotenv file → its sops metadata and encrypted key names. SOPS stores the
// metadata flattened into `sops_*` lines (`sops_kms__list_0__map_arn=…`, stores/flatten.go).
import { malformed, readSopsBlock } from "@/lib/sources/sops/sops-block";
import type { ParsedSopsFile } from "@/lib/sources/sops/parse-structured-file";

const MAP = "__map_";
const LIST = "__list_";
const MAX_LIST_INDEX = 1000;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

type Tree = Record<string, unknown>;

/** Rebuilds the nested metadata from flattened keys; returns the key that could not be placed, if any. */
export function unflattenSopsMetadata(flat: Map<string, string>): { tree: Tree; bad?: string } {
  const tree: Tree = Object.create(null);
  for (const [key, value] of flat) {
    const parts = key.split(/(__map_|__list_)/);
    const tokens: (string | number)[] = [parts[0] ?? ""];
    for (let i = 1; i < parts.length; i += 2) tokens.push(parts[i] === LIST ? Number(parts[i + 1]) : (parts[i + 1] ?? ""));
    if (tokens.some((t) => (typeof t === "number" ? !Number.isInteger(t) || t < 0 || t > MAX_LIST_INDEX : FORBIDDEN.has(t)))) return { tree, bad: key };
    let node = tree as Record<PropertyKey, unknown>;
    for (let i = 0; i < tokens.length - 1; i++) {
      const token = tokens[i]!;
      node[token] ??= typeof tokens[i + 1] === "number" ? [] : Object.create(null);
      if (typeof node[token] !== "object" || node[token] === null) return { tree, bad: key };
      node = node[token] as Record<PropertyKey, unknown>;
    }
    node[tokens[tokens.length - 1]!] = value;
  }
  return { tree };
}

const flatKey = (path: PropertyKey[]) =>
  path.map((p, i) => (i === 0 ? String(p) : typeof p === "number" ? `${LIST}${p}` : `${MAP}${String(p)}`)).join("");

export function parseDotenvSopsFile(text: string, file: string): ParsedSopsFile {
  const meta = new Map<string, string>();
  const metaLines = new Map<string, number>();
  const keyPaths = new Set<string>();
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (!line || line.startsWith("#")) return;
    const at = line.indexOf("=");
    if (at <= 0) throw malformed(file, index + 1, "a line is not KEY=value");
    const key = line.slice(0, at);
    const value = line.slice(at + 1);
    if (key.startsWith("sops_")) {
      meta.set(key.slice(5), value.replace(/\\n/g, "\n"));
      metaLines.set(key.slice(5), index + 1);
    } else if (value.startsWith("ENC[")) {
      keyPaths.add(key);
    }
  });
  if (meta.size === 0) throw malformed(file, null, "no sops_* metadata lines — not a SOPS-encrypted file, or it was committed decrypted");

  const { tree, bad } = unflattenSopsMetadata(meta);
  if (bad) throw malformed(file, metaLines.get(bad) ?? null, `the metadata key sops_${bad} cannot be read`);
  const firstLine = Math.min(...metaLines.values());
  const locate = (path: PropertyKey[]): number | null => {
    for (let depth = path.length; depth > 0; depth--) {
      const prefix = flatKey(path.slice(0, depth));
      for (const [key, line] of metaLines) if (key === prefix || key.startsWith(`${prefix}__`)) return line;
    }
    return firstLine;
  };
  return { metadata: readSopsBlock(tree, locate, file), keyPaths: [...keyPaths] };
}
