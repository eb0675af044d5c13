// A 1Password Connect client with the two summary calls Keyledger is allowed to make. There is
// deliberately no method for GET /v1/vaults/{v}/items/{id} (the full item, with field values)
// nor for /files: both return secret material (docs/architecture.md, rule 1).
import { z } from "zod";
import { requestJson } from "@/lib/sources/http-json";
import type { ConnectorContext } from "@/lib/sources/types";
import { itemSummarySchema, vaultSchema, type OnePasswordConfig } from "@/lib/sources/onepassword/config";

export type OnePasswordClient = ReturnType<typeof createOnePasswordClient>;

/** The server root, whether the configuration names it with or without the /v1 suffix. */
export function connectBase(connectUrl: string): string {
  return connectUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
}

export function createOnePasswordClient(ctx: ConnectorContext<OnePasswordConfig>, token: string) {
  const base = connectBase(ctx.config.connectUrl);

  // Connect errors are {status, message}; requestJson reads `message`.
  async function get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const { body } = await requestJson({
      store: "1Password Connect",
      fetch: ctx.fetch,
      url: `${base}${path}`,
      headers: { authorization: `Bearer ${token}` },
      schema,
      missingPermission: "read access to this vault for the Connect token",
      signal: ctx.signal,
    });
    return body!;
  }

  return {
    listVaults: () => get("/v1/vaults", z.array(vaultSchema)),
    listItems: (vaultId: string) => get(`/v1/vaults/${encodeURIComponent(vaultId)}/items`, z.array(itemSummarySchema)),
  };
}
