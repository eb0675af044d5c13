// Where the Azure Key Vault source lives. Credentials never appear here: DefaultAzureCredential
// finds them (workload identity, managed identity, AZURE_CLIENT_ID/AZURE_TENANT_ID + a certificate…).
import { z } from "zod";
import { storeAddress } from "@/lib/sources/store-address";

export const azureKeyVaultConfigSchema = z.object({
  vaultUrl: storeAddress({ https: true }).transform((u) => u.replace(/\/+$/, "")),
  /** For a user-assigned managed identity: its client id (an identifier, not a credential). */
  managedIdentityClientId: z.uuid().optional(),
});

export type AzureKeyVaultConfig = z.infer<typeof azureKeyVaultConfigSchema>;

export function vaultHost(config: Pick<AzureKeyVaultConfig, "vaultUrl">): string {
  return new URL(config.vaultUrl).host;
}
