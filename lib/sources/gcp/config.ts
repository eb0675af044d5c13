// Where the GCP Secret Manager source lives. Credentials never appear here: the client uses
// Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, workload identity, metadata server).
import { z } from "zod";
import { addressUrl } from "@/lib/sources/config-fields";
import { addressRefusal } from "@/lib/sources/store-address";
import { sourceReach } from "@/lib/sources/source-reach";

const projectId = z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, "must be a GCP project id (6–30 lowercase letters, digits, hyphens)");
const location = z.string().regex(/^[a-z]+-[a-z]+[0-9]+$/, "must be a GCP region such as us-east1");

export const gcpSecretManagerConfigSchema = z.object({
  projects: z.array(projectId).min(1, "name at least one project"),
  /** Regional secrets live under projects/{p}/locations/{location} and are served by a regional endpoint. */
  location: location.optional(),
  /** `host[:port]` or `http(s)://host[:port]`; defaults to the global or regional Google endpoint. */
  apiEndpoint: z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      const problem = addressRefusal(addressUrl(value), sourceReach());
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
});

export type GcpSecretManagerConfig = z.infer<typeof gcpSecretManagerConfigSchema>;

export type GcpEndpoint = { host: string; port: number; protocol: "https" | "http" };

export function resolveEndpoint(config: GcpSecretManagerConfig): GcpEndpoint {
  const fallback = config.location ? `secretmanager.${config.location}.rep.googleapis.com` : "secretmanager.googleapis.com";
  const raw = config.apiEndpoint ?? fallback;
  const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol };
}

/** The parent resource secrets are listed under: `projects/p` or `projects/p/locations/l`. */
export function parentFor(config: GcpSecretManagerConfig, project: string): string {
  return config.location ? `projects/${project}/locations/${config.location}` : `projects/${project}`;
}
