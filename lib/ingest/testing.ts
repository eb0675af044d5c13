// Test helpers for the streaming parsers (every format): feed bytes in chunks, collect outcomes.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { LogParser, ParseOutcome } from "@/lib/ingest/types";

type Chunk = string | Uint8Array;

export async function* streamOf(chunks: Chunk[]): AsyncIterable<Uint8Array> {
  for (const chunk of chunks) yield typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
}

/** Splits bytes into chunks of `size`, to cross every boundary a reader may trip on. */
export function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

/** Cuts bytes into chunks of the given sizes (the rest in one last chunk), so no boundary is special. */
export function chunkedAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const size of cuts) {
    if (start >= bytes.length) break;
    chunks.push(bytes.subarray(start, start + size));
    start += size;
  }
  if (start < bytes.length) chunks.push(bytes.subarray(start));
  return chunks;
}

export async function collect(parser: LogParser, input: Chunk | Chunk[], file = "audit.log"): Promise<ParseOutcome[]> {
  const out: ParseOutcome[] = [];
  for await (const outcome of parser.parse({ stream: streamOf(Array.isArray(input) ? input : [input]), file })) out.push(outcome);
  return out;
}

export function tally(outcomes: ParseOutcome[]): { events: number; skipped: Record<string, number>; quarantined: number } {
  const skipped: Record<string, number> = {};
  let events = 0;
  let quarantined = 0;
  for (const outcome of outcomes) {
    if (outcome.kind === "event") events++;
    else if (outcome.kind === "quarantined") quarantined++;
    else skipped[outcome.reason] = (skipped[outcome.reason] ?? 0) + 1;
  }
  return { events, skipped, quarantined };
}

export function fixture(dir: "gcp" | "azure", name: string): Buffer {
  return readFileSync(path.join(import.meta.dirname, dir, "fixtures", name));
}

/** A token shape every redaction pattern in lib/log.ts knows (a GitHub token). */
export const PLANTED_TOKEN = "ghp_" + "Zq8Xw2Lk5Rt9Yp3Mn7Bv1Cd4Fg6Hj0Kl2Qs";

/** How many records a line holds, the way the readers count them (arrays and wrappers hold several). */
export function recordsInLine(text: string, recordsKey: string): number {
  if (!text.trim()) return 0;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value.length;
    if (typeof value === "object" && value !== null && Array.isArray((value as Record<string, unknown>)[recordsKey])) {
      return ((value as Record<string, unknown>)[recordsKey] as unknown[]).length;
    }
    return 1;
  } catch {
    return 1;
  }
}

/**
 * A deep copy of `value` with the field at `path` replaced (or removed when `replacement` is
 * undefined). Missing parents are created, or with `create: false` the copy is left as it is.
 */
export function withField(value: unknown, path: string[], replacement: unknown, { create = true } = {}): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  if (!create && (typeof copy !== "object" || copy === null)) return copy;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof target[key] !== "object" || target[key] === null) {
      if (!create) return copy;
      target[key] = {};
    }
    target = target[key] as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (replacement === undefined) delete target[last];
  else target[last] = replacement;
  return copy;
}

/** Every outcome names the file and a 1-based line or a 0-based index; every reason is non-empty. */
export function everyOutcomeIsLocated(outcomes: ParseOutcome[], file: string): boolean {
  return outcomes.every((o) => {
    const { line, index } = o.location;
    const located = (line !== undefined && Number.isInteger(line) && line >= 1) || (index !== undefined && Number.isInteger(index) && index >= 0);
    return o.location.file === file && located && (o.kind === "event" || o.reason.length > 0);
  });
}

/** A Vault read (request and response lines) of `secretPath`, request id `req-<i>`; `time` defaults to i minutes into 2026-10-01. */
export function vaultOperation(i: number, secretPath: string, operation = "read", error?: string, time = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString()): string {
  const auth = { client_token: "hmac-sha256:abc", accessor: "hmac-sha256:def", display_name: "approle", policies: ["default", "payments"], token_type: "service", entity_id: `entity-${i % 7}`, metadata: { role_name: "payments-api" } };
  const request = { id: `req-${i}`, operation, mount_type: "kv", path: secretPath, remote_address: "10.0.4.12", namespace: { id: "root" } };
  const lines = [JSON.stringify({ time, type: "request", auth, request })];
  lines.push(JSON.stringify({ time, type: "response", auth, request, response: { mount_type: "kv" }, ...(error ? { error } : {}) }));
  return lines.join("\n");
}
