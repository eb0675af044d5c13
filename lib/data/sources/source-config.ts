import "server-only";
// A source's configuration must satisfy its connector's schema and must not smuggle in a
// credential: those come from the environment or a mounted file (DESIGN rule 2).
import { getConnector } from "@/lib/sources/registry";
import type { SourceKind } from "@/lib/sources/types";
import { AppError, type FieldError } from "@/lib/errors";

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
  const parsed = connector.configSchema.safeParse(config);
  if (parsed.success) return config;
  const fields: FieldError[] = parsed.error.issues.map((issue) => ({ field: ["body", "config", ...issue.path.map(String)].join("."), message: issue.message }));
  throw new AppError("invalid_input", "Invalid body", fields);
}
