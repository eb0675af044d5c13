// A SOPS-encrypted YAML or JSON file → its sops metadata and the paths of its encrypted keys.
// Values are only tested for the `ENC[` prefix (encrypted vs. plaintext) and never copied; YAML
// error messages are not reused either, because they quote the offending source line.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";
import { malformed, readSopsBlock, type SopsFileMetadata } from "@/lib/sources/sops/sops-block";

export type ParsedSopsFile = { metadata: SopsFileMetadata; keyPaths: string[] };

const isEncrypted = (node: unknown) => isScalar(node) && typeof node.value === "string" && node.value.startsWith("ENC[");

/** `stripe.api_key`, `data["tls.crt"]`, `partners[0].password`. */
export function joinKey(prefix: string, key: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

function encryptedPaths(node: unknown, prefix: string, top: boolean): string[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null || (top && key === "sops")) return [];
      return encryptedPaths(pair.value, joinKey(prefix, key), false);
    });
  }
  if (isSeq(node)) {
    // A list of scalars is one value (e.g. allowed IPs); a list of mappings holds separate keys.
    if (node.items.every((item) => !isMap(item) && !isSeq(item))) return node.items.some(isEncrypted) ? [prefix] : [];
    return node.items.flatMap((item, i) => encryptedPaths(item, `${prefix}[${i}]`, false));
  }
  return !isAlias(node) && isEncrypted(node) ? [prefix] : [];
}

export function parseStructuredSopsFile(text: string, file: string, format: "YAML" | "JSON"): ParsedSopsFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) throw malformed(file, error.linePos?.[0]?.line ?? null, `not valid ${format} (${error.code.toLowerCase().replace(/_/g, " ")})`);
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : null);

  const first = documents[0]?.contents;
  if (!isMap(first)) throw malformed(file, lineOf(first as Node | null) ?? 1, "the top level is not a mapping, so there is no sops metadata");
  const pair = first.items.find((p) => isScalar(p.key) && p.key.value === "sops");
  if (!pair) throw malformed(file, null, "no top-level `sops` metadata block — not a SOPS-encrypted file, or it was committed decrypted");
  const sopsNode = pair.value as Node | null;

  const locate = (path: PropertyKey[]): number | null => {
    let node: unknown = sopsNode;
    for (const key of path) {
      const next = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
      if (!next) break;
      node = next;
    }
    return lineOf(node as Node) ?? lineOf(pair.key as Node);
  };
  const metadata = readSopsBlock(sopsNode && "toJS" in sopsNode ? sopsNode.toJS(documents[0]!) : sopsNode, locate, file);

  const keyPaths = documents.flatMap((doc, i) => {
    if (!isMap(doc.contents)) throw malformed(file, lineOf(doc.contents as Node | null), `document ${i + 1} is not a mapping`);
    return encryptedPaths(doc.contents, documents.length > 1 ? `[${i}]` : "", true);
  });
  return { metadata, keyPaths: [...new Set(keyPaths)] };
}
