// The least privilege Keyledger needs in Doppler, shown on the source page.
import type { LeastPrivilegePolicy } from "@/lib/sources/types";
import type { DopplerConfig } from "@/lib/sources/doppler/config";

export function dopplerPolicy(config: DopplerConfig): LeastPrivilegePolicy {
  const projects = config.projects?.join(", ") ?? "every project Keyledger should inventory";
  const configs = config.configs?.join(", ") ?? "all configs";
  const tokenFrom = config.tokenFile ? `the file ${config.tokenFile}` : `the environment variable ${config.tokenEnv ?? "DOPPLER_TOKEN"}`;
  return {
    title: "Doppler: read-only service account",
    format: "text",
    text: [
      "1. Team > Service Accounts: create a service account named keyledger with no workplace-wide project access.",
      `2. Add it as a member of ${projects} with the project role "Viewer", limited to the environments behind ${configs}.`,
      "3. Create an API token for that service account and give it to the Keyledger worker through " + `${tokenFrom}.`,
      "",
      "Keyledger calls only:",
      "  GET /v3/me                                  (token check)",
      "  GET /v3/projects?page=&per_page=            (project slugs)",
      "  GET /v3/configs?project=&page=&per_page=    (config names and environments)",
      "  GET /v3/configs/config/secrets/names?project=&config=&include_dynamic_secrets=false&include_managed_secrets=false",
      "It never calls /v3/configs/config/secrets, /v3/configs/config/secret or /v3/configs/config/secrets/download.",
    ].join("\n"),
    notes:
      "Doppler has no names-only permission: the Viewer role (like any read access, including a read-only service token) " +
      "technically permits reading secret values in those configs. Keyledger limits itself to the names endpoint, and tests " +
      "record every call to prove it. Config-scoped service tokens cannot list projects or configs, so use a service account. " +
      "Doppler's names endpoint gives no dates, so created and last-rotated stay unknown.",
  };
}
