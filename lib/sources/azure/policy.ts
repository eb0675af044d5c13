// Least privilege for the Azure connector: one data action (readMetadata), or "List" in an access policy.
import { vaultHost, type AzureKeyVaultConfig } from "@/lib/sources/azure/config";
import { READ_METADATA_ACTION } from "@/lib/sources/azure/errors";
import type { LeastPrivilegePolicy } from "@/lib/sources/types";

export function azurePolicy(config: AzureKeyVaultConfig): LeastPrivilegePolicy {
  const vaultName = vaultHost(config).split(".")[0] ?? "VAULT_NAME";
  const role = {
    Name: "Keyledger Key Vault metadata reader",
    IsCustom: true,
    Description: "Lists Key Vault secrets and their versions' attributes. Cannot read any secret value.",
    Actions: [],
    NotActions: [],
    DataActions: [READ_METADATA_ACTION],
    NotDataActions: [],
    AssignableScopes: ["/subscriptions/SUBSCRIPTION_ID/resourceGroups/RESOURCE_GROUP"],
  };
  const vaultScope = `/subscriptions/SUBSCRIPTION_ID/resourceGroups/RESOURCE_GROUP/providers/Microsoft.KeyVault/vaults/${vaultName}`;
  return {
    title: "Custom Azure role: Keyledger Key Vault metadata reader",
    format: "json",
    text: `${JSON.stringify(role, null, 2)}\n`,
    notes: [
      "Azure RBAC vaults: az role definition create --role-definition @keyledger-role.json",
      `then assign it at the vault only: az role assignment create --role "Keyledger Key Vault metadata reader" --assignee KEYLEDGER_PRINCIPAL_ID --scope ${vaultScope}`,
      `Built-in alternative: "Key Vault Reader" (also metadata only: it adds keys' and certificates' metadata, never getSecret).`,
      `Do NOT assign "Key Vault Secrets User", "Key Vault Secrets Officer", "Key Vault Administrator" or "Key Vault Certificate User": they include Microsoft.KeyVault/vaults/secrets/getSecret/action, which returns values.`,
      `Access-policy vaults: az keyvault set-policy --name ${vaultName} --object-id KEYLEDGER_PRINCIPAL_ID --secret-permissions list — "list" only, never "get".`,
      "Keyledger calls only Get Secrets and Get Secret Versions (attributes, no values). It never calls Get Secret.",
      "Credentials come from DefaultAzureCredential (workload identity, managed identity or AZURE_* variables), never from Keyledger's database.",
    ].join("\n"),
  };
}
