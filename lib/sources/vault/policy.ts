// The least-privilege Vault policy for Keyledger: LIST and READ on the mount's metadata/ tree
// only. `data/` is denied outright, so even a broader policy attached to the same token by
// mistake cannot let Keyledger read a value (deny wins over every other capability in Vault).
import type { LeastPrivilegePolicy } from "@/lib/sources/types";
import type { VaultConfig } from "@/lib/sources/vault/config";

export function vaultPolicy(config: VaultConfig): LeastPrivilegePolicy {
  const { mount, pathPrefix } = config;
  const under = pathPrefix ? `${pathPrefix}/` : "";
  const stanzas = [
    `# Keyledger reads metadata only: names, versions, timestamps, custom_metadata.`,
    `path "${mount}/metadata/${under}*" {\n  capabilities = ["list", "read"]\n}`,
    // The UI and CLI list the mount root without a trailing slash.
    pathPrefix ? `path "${mount}/metadata/${pathPrefix}" {\n  capabilities = ["list"]\n}` : `path "${mount}/metadata" {\n  capabilities = ["list"]\n}`,
    `# Never the values: deny wins even if another policy on this token grants read.`,
    `path "${mount}/data/*" {\n  capabilities = ["deny"]\n}`,
    `# Lets "Test connection" show the token's policies and expiry (also in Vault's default policy).`,
    `path "auth/token/lookup-self" {\n  capabilities = ["read"]\n}`,
  ];
  return {
    title: `Vault policy "keyledger-metadata" for ${mount}/${config.namespace ? ` in namespace ${config.namespace}/` : ""}`,
    format: "hcl",
    text: `${stanzas.join("\n\n")}\n`,
    notes:
      `Write it with \`vault policy write keyledger-metadata keyledger.hcl\`${config.namespace ? ` (with VAULT_NAMESPACE=${config.namespace})` : ""} and attach it to the ` +
      (config.auth === "approle" ? `AppRole role at auth/${config.approleMount}` : config.auth === "kubernetes" ? `Kubernetes role "${config.role ?? ""}" at auth/${config.k8sMount}` : "token Keyledger uses") +
      `. No capability is granted on ${mount}/data/*, ${mount}/subkeys/* or any write path.`,
  };
}
