// A source as a role without source:manage sees it (founder, auditor): kind, name, where the store
// is and its status — nothing that could be a credential. Credential fields read "configured",
// addresses lose any user:password@, unknown fields and anything the redactor flags are dropped or
// replaced, and messages (sync errors, the policy) lose the values those fields hold.
import { redact } from "@/lib/log";
import { addressUrl, ALWAYS_SHOWN, CONFIG_FIELDS, isCredentialReference } from "@/lib/sources/config-fields";
import type { SourceKind } from "@/lib/sources/types";

export const CONFIGURED = "configured";

function shownValue(value: unknown): unknown {
  if (typeof value === "string") return redact(value) === value ? value : CONFIGURED;
  if (Array.isArray(value)) return value.map(shownValue);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  return CONFIGURED;
}

function shownAddress(value: unknown): string {
  if (typeof value !== "string" || !URL.canParse(addressUrl(value))) return CONFIGURED;
  const url = new URL(addressUrl(value));
  const bare = /:\/\//.test(value) ? `${url.origin}${url.pathname === "/" ? "" : url.pathname}` : url.host;
  return redact(bare) === bare ? bare : CONFIGURED;
}

export function viewableConfig(kind: SourceKind, config: Record<string, unknown>): Record<string, unknown> {
  const fields = CONFIG_FIELDS[kind];
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (fields.addresses.includes(key)) shown[key] = shownAddress(value);
    else if (isCredentialReference(key)) shown[key] = CONFIGURED;
    else if (fields.shown.includes(key) || ALWAYS_SHOWN.includes(key)) shown[key] = shownValue(value);
  }
  return shown;
}

/** The strings a configuration holds that a viewer may not see: credential fields' values, an address's user and password. */
function hiddenValues(kind: SourceKind, config: Record<string, unknown>): string[] {
  const hidden = new Set<string>();
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== "string" || !value) continue;
    if (isCredentialReference(key)) hidden.add(value);
    if (CONFIG_FIELDS[kind].addresses.includes(key) && URL.canParse(value)) {
      const url = new URL(value);
      for (const part of [url.username, url.password]) if (part) hidden.add(decodeURIComponent(part));
    }
  }
  return [...hidden].filter((value) => value.length >= 3).sort((a, b) => b.length - a.length);
}

/** A message about the source (a sync error, the policy's text) as such a viewer sees it. */
export function viewableMessage<T extends string | null>(kind: SourceKind, config: Record<string, unknown>, message: T): T {
  if (message === null) return message;
  return hiddenValues(kind, config).reduce((text, value) => text.split(value).join(CONFIGURED), redact(message)) as T;
}
