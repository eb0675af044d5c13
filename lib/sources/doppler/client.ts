// A small Doppler API client that knows only the metadata endpoints Keyledger is allowed to call.
// There is deliberately no method for /v3/configs/config/secrets, /secret or /secrets/download:
// those return values (docs/architecture.md, rule 1).
import type { z } from "zod";
import { requestJson } from "@/lib/sources/http-json";
import type { ConnectorContext } from "@/lib/sources/types";
import { configsPageSchema, meSchema, namesSchema, projectsPageSchema, type DopplerConfig } from "@/lib/sources/doppler/config";

const PER_PAGE = 100;
const MAX_PAGES = 1000;
const GRANT = "the Viewer project role on this project";

export type DopplerClient = ReturnType<typeof createDopplerClient>;

export function createDopplerClient(ctx: ConnectorContext<DopplerConfig>, token: string) {
  const base = ctx.config.apiUrl.replace(/\/+$/, "");

  async function get<T>(path: string, query: Record<string, string>, schema: z.ZodType<T>): Promise<T> {
    const { body } = await requestJson({
      store: "Doppler",
      fetch: ctx.fetch,
      url: `${base}${path}?${new URLSearchParams(query)}`,
      headers: { authorization: `Bearer ${token}` },
      schema,
      missingPermission: GRANT,
      signal: ctx.signal,
    });
    return body!;
  }

  return {
    me: () => get("/v3/me", {}, meSchema),
    listProjects: () =>
      collectPages(async (page) => (await get("/v3/projects", pageQuery(page), projectsPageSchema)).projects, (p) => p.slug),
    listConfigs: (project: string) =>
      collectPages(async (page) => (await get("/v3/configs", { project, ...pageQuery(page) }, configsPageSchema)).configs, (c) => c.name),
    /** Names only. No dynamic-secret leases are issued and Doppler's own DOPPLER_* names are left out. */
    listSecretNames: async (project: string, config: string) =>
      (await get("/v3/configs/config/secrets/names", { project, config, include_dynamic_secrets: "false", include_managed_secrets: "false" }, namesSchema)).names,
  };
}

const pageQuery = (page: number) => ({ page: String(page), per_page: String(PER_PAGE) });

/** Pages until Doppler returns an empty (or repeated) page: its `per_page` maximum is not documented, so a short page proves nothing. */
async function collectPages<T>(fetchPage: (page: number) => Promise<T[]>, key: (item: T) => string): Promise<T[]> {
  const all = new Map<string, T>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const items = await fetchPage(page);
    const before = all.size;
    for (const item of items) all.set(key(item), item);
    if (items.length === 0 || all.size === before) break;
  }
  return [...all.values()];
}
