// The parts of Vault's documented JSON responses Keyledger reads. Unknown fields are stripped,
// so a token echoed back by lookup-self (`data.id`) never leaves the client.
import { z } from "zod";

const timestamp = z.string().nullish();

/** LIST <mount>/metadata/<folder>/ → keys; folders end with "/". */
export const listResponse = z.object({ data: z.object({ keys: z.array(z.string()) }) });

const versionInfo = z.object({
  created_time: timestamp,
  deletion_time: timestamp,
  destroyed: z.boolean().default(false),
});

/** GET <mount>/metadata/<path> — metadata and version history, never the value. */
export const metadataResponse = z.object({
  data: z.object({
    created_time: timestamp,
    updated_time: timestamp,
    current_version: z.number().int().nonnegative(),
    oldest_version: z.number().int().nonnegative().nullish(),
    max_versions: z.number().int().nonnegative().nullish(),
    cas_required: z.boolean().nullish(),
    delete_version_after: z.string().nullish(),
    custom_metadata: z.record(z.string(), z.string()).nullish(),
    versions: z.record(z.string(), versionInfo).default({}),
  }),
});

export type VaultSecretMetadata = z.output<typeof metadataResponse>["data"];

/** POST auth/<method>/login → a client token. */
export const loginResponse = z.object({
  auth: z.object({
    client_token: z.string().min(1),
    policies: z.array(z.string()).nullish(),
    lease_duration: z.number().nullish(),
  }),
});

/** GET auth/token/lookup-self, without the token id. */
export const lookupSelfResponse = z.object({
  data: z.object({
    display_name: z.string().nullish(),
    policies: z.array(z.string()).nullish(),
    ttl: z.number().nullish(),
    expire_time: z.string().nullish(),
  }),
});
