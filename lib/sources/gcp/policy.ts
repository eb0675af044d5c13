// Least privilege for the GCP connector: a custom IAM role with the two list permissions it uses.
import type { GcpSecretManagerConfig } from "@/lib/sources/gcp/config";
import type { LeastPrivilegePolicy } from "@/lib/sources/types";

export const GCP_PERMISSIONS = ["secretmanager.secrets.list", "secretmanager.versions.list"] as const;

export function gcpPolicy(config: GcpSecretManagerConfig): LeastPrivilegePolicy {
  const text = [
    "# gcloud iam roles create keyledgerMetadataReader --project=PROJECT_ID --file=keyledger-role.yaml",
    "title: Keyledger metadata reader",
    "description: Lists Secret Manager secrets and their versions. Cannot read any secret payload.",
    "stage: GA",
    "includedPermissions:",
    ...GCP_PERMISSIONS.map((p) => `- ${p}`),
    "",
  ].join("\n");
  const bindings = config.projects
    .map((p) => `gcloud projects add-iam-policy-binding ${p} --member=serviceAccount:KEYLEDGER_SA --role=projects/${p}/roles/keyledgerMetadataReader`)
    .join("\n");
  return {
    title: "Custom IAM role: Keyledger metadata reader",
    format: "yaml",
    text,
    notes: [
      `Create the role in each project (${config.projects.join(", ")}) and bind it to the identity the Keyledger worker runs as:`,
      bindings,
      "Keyledger calls only ListSecrets and ListSecretVersions (metadata). It never calls AccessSecretVersion.",
      "Predefined alternative: roles/secretmanager.viewer (metadata only; it adds secrets.get, versions.get and location reads).",
      "Do NOT grant roles/secretmanager.secretAccessor, roles/secretmanager.admin, Editor or Owner: they include secretmanager.versions.access, which returns secret payloads.",
      "Credentials come from Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS or workload identity), never from Keyledger's database.",
    ].join("\n"),
  };
}
