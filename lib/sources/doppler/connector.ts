// Doppler connector: secret NAMES per project/config, with the config's environment. Doppler's
// names endpoint gives no dates, versions or tags, so those stay unknown.
import { readCredential } from "@/lib/sources/credentials";
import { SourceError } from "@/lib/sources/source-error";
import { parseEnvironment } from "@/lib/sources/tag-mapping";
import type { Connector, ConnectorContext, SecretMetadata } from "@/lib/sources/types";
import { createDopplerClient, type DopplerClient } from "@/lib/sources/doppler/client";
import { DOPPLER_TOKEN, dopplerConfigSchema, type DopplerConfig, type DopplerConfigSummary } from "@/lib/sources/doppler/config";
import { dopplerPolicy } from "@/lib/sources/doppler/policy";

async function connect(ctx: ConnectorContext<DopplerConfig>): Promise<DopplerClient> {
  const token = await readCredential(ctx.config, DOPPLER_TOKEN);
  return createDopplerClient(ctx, token);
}

async function projectSlugs(client: DopplerClient, config: DopplerConfig): Promise<string[]> {
  if (config.projects) return config.projects;
  const named = new Set(config.configs?.filter((c) => c.includes("/")).map((c) => c.split("/")[0] ?? ""));
  // "project/config" entries alone name their projects; a bare config name needs every project.
  if (config.configs && config.configs.every((c) => c.includes("/"))) return [...named];
  return (await client.listProjects()).map((p) => p.slug);
}

/** The project's configs the source asks for; a named "project/config" that does not exist is an error. */
export function selectConfigs(project: string, available: DopplerConfigSummary[], wanted: string[] | undefined): DopplerConfigSummary[] {
  if (!wanted) return available;
  const byName = new Map(available.map((c) => [c.name, c]));
  const selected = new Map<string, DopplerConfigSummary>();
  for (const ref of wanted) {
    const [first, second] = ref.split("/");
    if (second === undefined) {
      const found = byName.get(first ?? "");
      if (found) selected.set(found.name, found);
    } else if (first === project) {
      const found = byName.get(second);
      if (!found) throw new SourceError("not_found", `Doppler project ${project} has no config ${second}. Check the configs in the source's configuration.`);
      selected.set(found.name, found);
    }
  }
  return [...selected.values()];
}

export function toSecretMetadata(project: string, config: DopplerConfigSummary, name: string): SecretMetadata {
  const id = `${project}/${config.name}:${name}`;
  return {
    externalId: id,
    name: id,
    environment: parseEnvironment(config.environment),
    createdAt: null,
    updatedAt: null,
    lastRotatedAt: null,
    versionCount: null,
    tags: {},
    owners: {},
    consumers: [],
    place: `Doppler ${project}/${config.name}`,
  };
}

export const dopplerConnector: Connector<DopplerConfig> = {
  kind: "doppler",
  label: "Doppler",
  provides: ["externalId", "name", "environment"],
  configSchema: dopplerConfigSchema,
  policy: dopplerPolicy,
  credentials: () => [DOPPLER_TOKEN],

  async testConnection(ctx) {
    const client = await connect(ctx);
    const me = await client.me();
    const projects = await projectSlugs(client, ctx.config);
    const who = [me.type, me.name].filter(Boolean).join(" ") || "token";
    const where = me.workplace?.name ? ` in workplace ${me.workplace.name}` : "";
    return { detail: `Doppler ${who}${where}: ${projects.length} project(s) visible (${projects.slice(0, 5).join(", ")}${projects.length > 5 ? ", …" : ""}).` };
  },

  async *listSecrets(ctx) {
    const client = await connect(ctx);
    for (const project of await projectSlugs(client, ctx.config)) {
      const configs = selectConfigs(project, await client.listConfigs(project), ctx.config.configs);
      for (const config of configs) {
        const names = await client.listSecretNames(project, config.name);
        for (const name of [...new Set(names)].sort()) yield toSecretMetadata(project, config, name);
      }
    }
  },
};
