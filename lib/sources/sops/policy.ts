// The least privilege Keyledger needs for SOPS files, shown on the source page.
import type { LeastPrivilegePolicy } from "@/lib/sources/types";
import type { SopsConfig } from "@/lib/sources/sops/config";

export function sopsPolicy(config: SopsConfig): LeastPrivilegePolicy {
  return {
    title: "SOPS files: read access to the repository only",
    format: "text",
    text: [
      `Keyledger reads the checkout at ${config.repoPath} on its worker. Keep it current with a read-only`,
      "credential, for example a deploy key without write access (GitHub/GitLab) or a read-only token,",
      "used by a scheduled `git pull` or a sidecar that mounts the checkout read-only.",
      "",
      "Files read: " + config.globs.join(", "),
      "From each file Keyledger keeps only the sops metadata block (recipients, lastmodified, version)",
      "and the names of the encrypted keys. Values are only checked for the ENC[ prefix and never kept.",
      "",
      "No KMS, age, PGP or Vault permission is needed: nothing is decrypted.",
    ].join("\n"),
    notes:
      "The recipients listed on each secret (KMS keys, age recipients, PGP fingerprints, Vault transit keys) are who can decrypt it. " +
      "lastmodified is when SOPS last wrote the file, so any change to any key in the file moves the last-rotated date of all its keys.",
  };
}
