// Where a connector's credential comes from: an environment variable or a mounted file, both named
// in the source's configuration, and both limited to what the operator allows (KEYLEDGER_CREDENTIAL_ENV,
// KEYLEDGER_CREDENTIAL_DIR; docs/security.md). Checked when a source is saved and again when the
// credential is read — the configuration may have changed since. The value is never stored or logged.
import { z } from "zod";
import { readNamedVariable } from "@/lib/env";
import { envRefusal } from "@/lib/sources/credential-env";
import { fileRefusal, readCredentialFile } from "@/lib/sources/credential-file";
import { SourceError } from "@/lib/sources/source-error";
import { sourceReach } from "@/lib/sources/source-reach";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A `…Env` field: a variable the operator allows, never one of Keyledger's own. */
export const envName = z.string().superRefine((name, ctx) => {
  const problem = NAME.test(name) ? envRefusal(name, sourceReach()) : "must be an environment variable name";
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A `…File` field: an absolute path inside KEYLEDGER_CREDENTIAL_DIR, outside Keyledger's own directories. */
export const credentialFile = z.string().superRefine((file, ctx) => {
  const problem = file ? fileRefusal(file, sourceReach()) : "must be an absolute path";
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Config fields for one credential: `tokenEnv` and `tokenFile`. */
export const credentialFields = { tokenEnv: envName.optional(), tokenFile: credentialFile.optional() };

/** One credential a connector reads: its config fields and what it falls back to when neither is set. */
export type CredentialSlot = { what: string; env?: string; file?: string; defaultEnv?: string; defaultFile?: string };

const given = (config: Record<string, unknown>, key: string | undefined) => (key && typeof config[key] === "string" && config[key] ? (config[key] as string) : undefined);

/**
 * On save: when the configuration names neither field, the credential comes from the connector's
 * default; refuse a default the worker may not read, naming the field that would change it.
 */
export function defaultCredentialRefusal(config: Record<string, unknown>, slot: CredentialSlot): { field: string; message: string } | null {
  if (given(config, slot.env) || given(config, slot.file)) return null;
  const reach = sourceReach();
  const problem = slot.defaultFile ? fileRefusal(slot.defaultFile, reach) : slot.defaultEnv ? envRefusal(slot.defaultEnv, reach) : null;
  if (!problem) return null;
  const fields = [slot.env, slot.file].filter(Boolean).join(" or ");
  const field = (slot.defaultFile ? slot.file : slot.env) ?? slot.file ?? "config";
  return { field, message: `with no ${fields}, the ${slot.what} comes from ${slot.defaultFile ?? slot.defaultEnv}: ${problem}` };
}

export async function readCredential(config: Record<string, unknown>, slot: CredentialSlot): Promise<string> {
  const reach = sourceReach();
  const envGiven = given(config, slot.env);
  const file = given(config, slot.file) ?? (envGiven ? undefined : slot.defaultFile);
  if (file) {
    const where = given(config, slot.file) ? `the file in ${slot.file}` : file;
    const read = await readCredentialFile(file, reach);
    if (!read.ok) throw new SourceError("config", `Cannot read the ${slot.what} from ${where}: ${read.reason}.`);
    const text = read.text.trim();
    if (!text) throw new SourceError("config", `The ${slot.what} file (${where}) is empty.`);
    return text;
  }
  const name = envGiven ?? slot.defaultEnv;
  if (!name) throw new SourceError("config", `No ${slot.what}: name an environment variable or a file for it in the source's configuration.`);
  const refused = envRefusal(name, reach);
  if (refused) throw new SourceError("config", `Cannot read the ${slot.what}: ${refused}.`);
  const value = readNamedVariable(name)?.trim();
  if (value) return value;
  const orFile = slot.file ? `, or name a file in ${slot.file}` : "";
  throw new SourceError("config", `No ${slot.what}: set the environment variable ${name} for the Keyledger worker${orFile}.`);
}
