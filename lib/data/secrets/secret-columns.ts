import "server-only";
// A secret's columns as every view of it selects them, so the inventory, the secret page, the CSV
// export and the inventory file cannot drift apart on what a secret is.
import { secrets } from "@/db/schema";

/** What the registry says a secret is: the fields an inventory file carries. */
export const secretFacts = {
  id: secrets.id,
  name: secrets.name,
  environment: secrets.environment,
  kind: secrets.kind,
  provider: secrets.provider,
  tier: secrets.tier,
  privilege: secrets.privilege,
  lifetime: secrets.lifetime,
  ttlSeconds: secrets.ttlSeconds,
  missingSince: secrets.missingSince,
};

/** Its facts with when it was last rotated and accessed, and how many fields nobody has filled. */
export const secretColumns = {
  ...secretFacts,
  lastRotatedAt: secrets.lastRotatedAt,
  lastAccessedAt: secrets.lastAccessedAt,
  unknownCount: secrets.unknownCount,
};
