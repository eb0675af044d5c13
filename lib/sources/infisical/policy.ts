// The least privilege Keyledger needs in Infisical, shown on the source page: a machine identity
// whose project role can DESCRIBE secrets but not read their values.
import type { LeastPrivilegePolicy } from "@/lib/sources/types";
import type { InfisicalConfig } from "@/lib/sources/infisical/config";

export function infisicalPolicy(config: InfisicalConfig): LeastPrivilegePolicy {
  const path = config.recursive ? `${config.secretPath.replace(/\/+$/, "")}/**` : config.secretPath;
  const rules = config.environments
    .map(
      (env) => `    {
      subject    = "secrets"
      action     = ["describeSecret"]
      conditions = jsonencode({ environment = { "$eq" = "${env}" }, secretPath = { "$glob" = "${path}" } })
    },`,
    )
    .join("\n");
  return {
    title: "Infisical: machine identity with Describe Secret only",
    format: "hcl",
    text: `# Custom project role: may list secret names and metadata, may NOT read values.
resource "infisical_project_role" "keyledger" {
  project_id  = "${config.projectId}"
  name        = "Keyledger (metadata only)"
  slug        = "keyledger-metadata"
  permissions_v2 = [
${rules}
  ]
}
# Give a machine identity with Universal Auth this role on the project, and hand its client id
# and client secret to the Keyledger worker (${config.clientIdEnv ?? "INFISICAL_CLIENT_ID"} / ${config.clientSecretEnv ?? "INFISICAL_CLIENT_SECRET"}, or mounted files).
#
# Keyledger calls only:
#   GET  /api/docs/json                              (does this server support metadata-only listing?)
#   POST /api/v1/auth/universal-auth/login           (access token)
#   GET  /api/v4/secrets?viewSecretValue=false&expandSecretReferences=false&include_imports=false
#        (or /api/v3/secrets/raw with the same flags on servers without v4)
# It never calls GET /api/v4/secrets/{name} or any listing without viewSecretValue=false.`,
    notes:
      'Grant "describeSecret" and not "readValue" (or the combined "read"): Infisical then refuses to return values even if asked. ' +
      "On a server whose API has no viewSecretValue parameter, Keyledger refuses to sync the source instead of listing values. " +
      "updatedAt is used as the last-rotated date: Infisical lists no separate rotation date, and any change moves it.",
  };
}
