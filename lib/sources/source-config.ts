// A source's configuration must satisfy its connector's schema and must not smuggle in a credential:
// those come from the environment or a mounted file (docs/architecture.md, rule 2), and only from the
// variables, directory and addresses the operator allows (docs/security.md).
import { defaultCredentialRefusal } from "@/lib/sources/credentials";
import { getConnector } from "@/lib/sources/registry";
import type { SourceKind } from "@/lib/sources/types";
import { AppError, type FieldError } from "@/lib/errors";

/**
 * Addresses are bases, and paths stay inside the store's metadata API: no `?` or `#` that would
 * cut off the path Keyledger appends, no `..` that would climb out of it into a value endpoint.
 */
function unsafeValues(config: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  for (const [key, value] of Object.entries(config)) {
    for (const text of (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string")) {
      if (/^https?:\/\//i.test(text) && /[?#]/.test(text)) problems.push({ field: `body.config.${key}`, message: "must be a base address without ? or #" });
      if (text.split(/[\\/]/).includes("..")) problems.push({ field: `body.config.${key}`, message: "must not contain a .. segment" });
    }
  }
  return problems;
}

const CREDENTIAL_KEYS = /^(token|secret|password|passwd|client_?secret|secret_?id|access_?key|secret_?access_?key|private_?key|api_?key|credentials?)$/i;

export function validateSourceConfig(kind: SourceKind, config: Record<string, unknown>): Record<string, unknown> {
  const smuggled = Object.keys(config).filter((key) => CREDENTIAL_KEYS.test(key));
  if (smuggled.length) {
    throw new AppError(
      "invalid_input",
      "Invalid body",
      smuggled.map((key) => ({ field: `body.config.${key}`, message: "credentials are never stored: name an environment variable (…Env) or a mounted file (…File) instead" })),
    );
  }
  const connector = getConnector(kind);
  if (!connector) throw new AppError("invalid_input", "Invalid body", [{ field: "body.kind", message: `no connector for ${kind} yet` }]);
  const unsafe = unsafeValues(config);
  if (unsafe.length) throw new AppError("invalid_input", "Invalid body", unsafe);
  const parsed = connector.configSchema.safeParse(config);
  if (parsed.success) {
    // Unknown keys would be stored and shown to every role that can read sources: refuse them.
    const known = new Set(Object.keys(parsed.data as object));
    const unknown = Object.keys(config).filter((key) => !known.has(key));
    if (unknown.length) throw new AppError("invalid_input", "Invalid body", unknown.map((key) => ({ field: `body.config.${key}`, message: `not a setting of ${connector.label}` })));
    // A credential left to the connector's default variable or file must be one the worker may read.
    const defaults = (connector.credentials?.(parsed.data) ?? []).flatMap((slot) => defaultCredentialRefusal(parsed.data as Record<string, unknown>, slot) ?? []);
    if (defaults.length) throw new AppError("invalid_input", "Invalid body", defaults.map(({ field, message }) => ({ field: `body.config.${field}`, message })));
    return config;
  }
  const fields: FieldError[] = parsed.error.issues.map((issue) => ({ field: ["body", "config", ...issue.path.map(String)].join("."), message: issue.message }));
  throw new AppError("invalid_input", "Invalid body", fields);
}
