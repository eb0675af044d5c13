// The least privilege Keyledger needs from 1Password Connect, shown on the source page.
import type { LeastPrivilegePolicy } from "@/lib/sources/types";
import type { OnePasswordConfig } from "@/lib/sources/onepassword/config";

export function onePasswordPolicy(config: OnePasswordConfig): LeastPrivilegePolicy {
  const vaults = config.vaults ?? ["<vault>"];
  const tokenFrom = config.tokenFile ? `the file ${config.tokenFile}` : `the environment variable ${config.tokenEnv ?? "OP_CONNECT_TOKEN"}`;
  return {
    title: "1Password Connect: read-only token on the listed vaults",
    format: "text",
    text: [
      "1. Give your Connect server access to these vaults (and no others Keyledger should not see):",
      ...vaults.map((v) => `     ${v}`),
      "2. Issue a Connect token with read permission only on those vaults, for example:",
      `     op connect token create keyledger --server <connect-server> ${vaults.map((v) => `--vault "${v},r"`).join(" ")}`,
      `3. Give the token to the Keyledger worker through ${tokenFrom}.`,
      "",
      "Keyledger calls only:",
      "  GET /v1/vaults                       (vault names and ids)",
      "  GET /v1/vaults/{vaultUUID}/items     (item summaries: title, category, tags, dates, version)",
      "It never calls GET /v1/vaults/{vaultUUID}/items/{itemUUID} (the full item, with field values) or any /files endpoint.",
    ].join("\n"),
    notes:
      "A Connect token with read access can technically fetch full items, field values and files in those vaults; " +
      "1Password has no summary-only permission. Keyledger calls only the two summary endpoints above, and tests record " +
      "every call to prove it. Item updatedAt is used as the last-rotated date: Connect reports no rotation date, and any " +
      "edit to the item (even a tag) moves updatedAt.",
  };
}
