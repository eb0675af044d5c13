// Where a connector's credential comes from: an environment variable or a mounted file, both named
// in the source's configuration. The value is read at sync time and never stored or logged.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { readNamedVariable } from "@/lib/env";
import { SourceError } from "@/lib/sources/source-error";

// A source may name any variable of the worker's environment except Keyledger's own: those would
// hand the database URL or the session-signing key to whatever address the source points at.
const KEYLEDGER_OWN = /^(DATABASE_URL|NEXTAUTH_.*|KEYLEDGER_.*|ADMIN_EMAILS|OIDC_.*|GITHUB_CLIENT_.*|PORT|NODE_.*)$/;

export const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name")
  .refine((name) => !KEYLEDGER_OWN.test(name), "names one of Keyledger's own settings, which is never sent to a store");

/** Config fields for one credential: `<prefix>Env` and `<prefix>File`. */
export const credentialFields = { tokenEnv: envName.optional(), tokenFile: z.string().min(1).optional() };

export async function readCredential({ what, env, file, defaultEnv }: { what: string; env?: string; file?: string; defaultEnv?: string }): Promise<string> {
  if (file) {
    try {
      const text = (await readFile(file, "utf8")).trim();
      if (text) return text;
    } catch (error) {
      throw new SourceError("config", `Cannot read the ${what} from ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}.`);
    }
    throw new SourceError("config", `The ${what} file ${file} is empty.`);
  }
  const name = env ?? defaultEnv;
  const value = name ? readNamedVariable(name) : undefined;
  if (value) return value.trim();
  throw new SourceError("config", `No ${what}: set the environment variable ${name ?? "(none configured)"} for the Keyledger worker, or name a mounted file in the source's configuration.`);
}
