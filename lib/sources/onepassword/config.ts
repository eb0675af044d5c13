// 1Password Connect source configuration and the documented summary shapes Keyledger reads
// (Connect API spec: Vault, Item — never FullItem, whose fields carry values).
import { z } from "zod";
import { credentialFields, type CredentialSlot } from "@/lib/sources/credentials";
import { storeAddress } from "@/lib/sources/store-address";

export const onePasswordConfigSchema = z
  .object({
    connectUrl: storeAddress(),
    /** Vault names or ids; default: every vault the Connect token can read. */
    vaults: z.array(z.string().trim().min(1).max(200)).min(1).optional(),
    ...credentialFields,
  })
  .strict();

export type OnePasswordConfig = z.infer<typeof onePasswordConfigSchema>;

export const CONNECT_TOKEN: CredentialSlot = { what: "1Password Connect token", env: "tokenEnv", file: "tokenFile", defaultEnv: "OP_CONNECT_TOKEN" };

const timestamp = z.iso.datetime({ offset: true }).nullish();

export const vaultSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  type: z.string().optional(),
  items: z.number().int().optional(),
});

/** Item summary as GET /v1/vaults/{id}/items returns it. Unknown keys are dropped by zod. */
export const itemSummarySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  vault: z.object({ id: z.string() }).optional(),
  category: z.string(),
  tags: z.array(z.string()).nullish(),
  version: z.number().int().nullish(),
  state: z.string().nullish(),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastEditedBy: z.string().nullish(),
});

export type Vault = z.infer<typeof vaultSchema>;
export type ItemSummary = z.infer<typeof itemSummarySchema>;
