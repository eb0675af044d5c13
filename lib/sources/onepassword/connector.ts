// 1Password Connect connector: item summaries of the configured vaults (default: all the token
// can read). Summaries carry title, category, tags, dates and version — never field values.
import { readCredential } from "@/lib/sources/credentials";
import { SourceError } from "@/lib/sources/source-error";
import type { Connector, ConnectorContext } from "@/lib/sources/types";
import { connectBase, createOnePasswordClient, type OnePasswordClient } from "@/lib/sources/onepassword/client";
import { CONNECT_TOKEN, onePasswordConfigSchema, type OnePasswordConfig, type Vault } from "@/lib/sources/onepassword/config";
import { isLive, mapItem } from "@/lib/sources/onepassword/map-item";
import { onePasswordPolicy } from "@/lib/sources/onepassword/policy";

async function connect(ctx: ConnectorContext<OnePasswordConfig>): Promise<OnePasswordClient> {
  const token = await readCredential(ctx.config, CONNECT_TOKEN);
  return createOnePasswordClient(ctx, token);
}

/** The configured vaults, matched by id or by name; one the token cannot see is an error, not a silent gap. */
export function selectVaults(visible: Vault[], wanted: string[] | undefined): Vault[] {
  if (!wanted) return visible;
  return wanted.map((ref) => {
    const found =
      visible.find((v) => v.id === ref) ??
      visible.find((v) => v.name === ref) ??
      visible.find((v) => v.name.toLowerCase() === ref.toLowerCase());
    if (!found) {
      throw new SourceError(
        "not_found",
        `1Password Connect does not show the vault "${ref}" to this token. Grant the Connect server and token read access to it, or fix the name in the source's configuration.`,
        { missingPermission: `read access to vault ${ref}` },
      );
    }
    return found;
  });
}

function placeOf(connectUrl: string, vault: Vault): string {
  const host = new URL(connectBase(connectUrl)).host;
  return `1Password ${vault.name} (Connect ${host})`;
}

export const onePasswordConnector: Connector<OnePasswordConfig> = {
  kind: "onepassword",
  label: "1Password Connect",
  provides: ["externalId", "name", "kind", "environment", "tier", "createdAt", "updatedAt", "lastRotatedAt", "versionCount", "tags", "owners", "consumers"],
  configSchema: onePasswordConfigSchema,
  policy: onePasswordPolicy,
  credentials: () => [CONNECT_TOKEN],

  async testConnection(ctx) {
    const client = await connect(ctx);
    const vaults = selectVaults(await client.listVaults(), ctx.config.vaults);
    const names = vaults.map((v) => v.name);
    return { detail: `1Password Connect at ${new URL(connectBase(ctx.config.connectUrl)).host}: ${vaults.length} vault(s) readable (${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}).` };
  },

  async *listSecrets(ctx) {
    const client = await connect(ctx);
    const vaults = selectVaults(await client.listVaults(), ctx.config.vaults);
    for (const vault of vaults) {
      const place = placeOf(ctx.config.connectUrl, vault);
      const items = await client.listItems(vault.id);
      for (const item of items.filter(isLive).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))) {
        yield mapItem(vault, item, ctx.tagKeys, place);
      }
    }
  },
};
