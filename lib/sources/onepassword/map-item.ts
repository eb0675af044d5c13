// One 1Password item summary → SecretMetadata. Only summary attributes are used: the item's
// fields (where values live) are never requested.
import { mapTags, type TagKeys } from "@/lib/sources/tag-mapping";
import type { SecretMetadata } from "@/lib/sources/types";
import type { ItemSummary, Vault } from "@/lib/sources/onepassword/config";

const KINDS: Record<string, SecretMetadata["kind"]> = {
  API_CREDENTIAL: "api_key",
  DATABASE: "database_credential",
  PASSWORD: "password",
  LOGIN: "password",
  EMAIL_ACCOUNT: "password",
  SERVER: "password",
  WIRELESS_ROUTER: "password",
  SSH_KEY: "ssh_key",
};

/** `owner=ana@lumenpay.example` becomes a key/value tag; a plain tag (`payments`) is kept with an empty value. */
export function parseItemTags(tags: readonly string[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of tags ?? []) {
    const tag = raw.trim();
    const at = tag.indexOf("=");
    if (at > 0) out[tag.slice(0, at).trim()] = tag.slice(at + 1).trim();
    else if (tag) out[tag] = "";
  }
  return out;
}

const date = (value: string | null | undefined) => (value ? new Date(value) : null);

export function mapItem(vault: Vault, item: ItemSummary, tagKeys: TagKeys, place: string): SecretMetadata {
  const tags = parseItemTags(item.tags);
  const mapped = mapTags(tags, tagKeys);
  const updatedAt = date(item.updatedAt);
  return {
    externalId: `${vault.id}/${item.id}`,
    name: `${vault.name}/${item.title}`,
    kind: KINDS[item.category] ?? null,
    environment: mapped.environment,
    tier: mapped.tier,
    createdAt: date(item.createdAt),
    updatedAt,
    // Connect reports no rotation date; the last edit is the best signal (any edit, even to tags, moves it).
    lastRotatedAt: updatedAt,
    versionCount: item.version ?? null,
    tags,
    owners: mapped.owners,
    consumers: mapped.consumers,
    place,
  };
}

/** Archived and deleted items are not live secrets; leaving them out lets sync mark them missing. */
export const isLive = (item: ItemSummary) => !item.state || !["ARCHIVED", "DELETED"].includes(item.state);
