// A Vault audit entry about a secret → one access event. A request entry and its response describe
// the same operation; `pairEvents` folds them into one event that keeps the request's time and the
// response's outcome.
import { isIP } from "node:net";
import type { Action, NormalizedEvent } from "@/lib/ingest/types";
import { redact } from "@/lib/log";
import { parseLogTime } from "@/lib/ingest/log-time";
import type { AuditEntry } from "@/lib/ingest/vault/entry";
import { vaultActor } from "@/lib/ingest/vault/map-actor";

/** errorCode of a request whose response never came: not known to have succeeded, so counted as failed. */
export const NO_RESPONSE = "no_response";

/**
 * Vault errors are free text and may echo request input ("error converting input {…}"), so only
 * the leading words of the first error are kept: "1 error occurred: * permission denied" → "permission denied".
 */
export function vaultErrorCode(error: string | null | undefined): string | null {
  if (!error?.trim()) return null;
  const bullet = /^\s*\*\s*(.+)$/m.exec(error)?.[1];
  const first = (bullet ?? error).trim().split("\n")[0] ?? "";
  const words = /^[A-Za-z0-9 _.-]*/.exec(first)?.[0].trim().slice(0, 80) ?? "";
  return redact(words) || "error";
}

function userAgent(headers: Record<string, unknown> | null | undefined): string | null {
  const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "user-agent")?.[1];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first ? first : null;
}

export function toEvent(entry: AuditEntry, target: { action: Action; secretRef: string }, errorCode = vaultErrorCode(entry.error)): NormalizedEvent {
  const remote = entry.request.remote_address ?? "";
  return {
    occurredAt: parseLogTime(entry.time) ?? entry.time,
    sourceKind: "vault",
    action: target.action,
    rawAction: entry.request.operation,
    result: errorCode ? "failure" : "success",
    errorCode,
    ...vaultActor(entry.auth),
    sourceIp: isIP(remote) ? remote : null,
    userAgent: userAgent(entry.request.headers),
    secretRef: target.secretRef,
    rawId: entry.request.id,
  };
}

/** A request entry still waiting for its response: failed unless proven otherwise. */
export function unansweredEvent(entry: AuditEntry, target: { action: Action; secretRef: string }): NormalizedEvent {
  return toEvent(entry, target, vaultErrorCode(entry.error) ?? NO_RESPONSE);
}

export function pairEvents(request: NormalizedEvent, response: NormalizedEvent): NormalizedEvent {
  const errorCode = response.errorCode ?? (request.errorCode === NO_RESPONSE ? null : request.errorCode);
  return {
    ...response,
    occurredAt: request.occurredAt,
    result: errorCode ? "failure" : "success",
    errorCode,
    sourceIp: response.sourceIp ?? request.sourceIp,
    userAgent: response.userAgent ?? request.userAgent,
  };
}
