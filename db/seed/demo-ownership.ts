// Who holds the four ownership roles of a demo secret. Weighted by team so the matrix looks like a
// real startup's: the platform engineer operates a lot, leads approve, the security lead and the
// CTO command incidents, and gaps grow the further a store is from production.
import type { OwnershipRole } from "@/db/schema";
import type { SourceKey, Team } from "@/db/seed/demo-data";
import type { Tier } from "@/db/seed/demo-catalog";
import type { Random } from "@/db/seed/random";

/** Person keys (see DEMO_PEOPLE) by ownership role; a missing role is a gap. */
export type RolePlan = Partial<Record<OwnershipRole, string>>;

export const TEAM_ENGINEERS: Record<Team, readonly string[]> = {
  Platform: ["priya", "hannah", "diego", "elena"],
  Payments: ["marcus", "aisha", "yuki", "kwame"],
  Identity: ["ben", "fatima"],
  Data: ["olivia", "ravi"],
  Growth: ["chloe", "mateo"],
  Support: ["grace", "noah"],
  Finance: ["sofia", "liam"],
  Security: ["sam", "ines"],
  Leadership: ["arjun"],
  Sales: ["chloe"],
  External: ["priya"],
};

const TEAM_LEAD: Record<Team, string> = {
  Platform: "hannah",
  Payments: "marcus",
  Identity: "ben",
  Data: "olivia",
  Growth: "chloe",
  Support: "grace",
  Finance: "sofia",
  Security: "sam",
  Leadership: "arjun",
  Sales: "chloe",
  External: "sam",
};

/** How likely each role is filled, by store: [creator, operator, approver, incident commander (tier 1), (others)]. */
const FILL_RATE: Record<Exclude<SourceKey, "inventory">, readonly [number, number, number, number, number]> = {
  "aws-prod": [0.93, 0.9, 0.6, 0.7, 0.25],
  "aws-staging": [0.85, 0.75, 0.35, 0.15, 0.05],
  vault: [0.85, 0.85, 0.5, 0.55, 0.2],
  github: [0.7, 0.7, 0.3, 0.25, 0.1],
  doppler: [0.6, 0.5, 0.1, 0.05, 0.02],
};
const INVENTORY_FILL_RATE = [0.4, 0.55, 0.35, 0.35, 0.15] as const;

export function pickRoles(args: { random: Random; team: Team; tier: Tier | null; sourceKey: SourceKey }): RolePlan {
  const { random, team, tier, sourceKey } = args;
  const [creatorRate, operatorRate, approverRate, commanderTier1Rate, commanderRate] =
    sourceKey === "inventory" ? INVENTORY_FILL_RATE : FILL_RATE[sourceKey];
  const engineers = TEAM_ENGINEERS[team];
  const lead = TEAM_LEAD[team];
  const roles: RolePlan = {};

  if (random.chance(creatorRate)) {
    roles.creator = random.weighted([
      ...engineers.map((key) => [key, 3] as const),
      ["priya", 2],
      ["arjun", 1],
      // The payments contractor built much of the payments stack before he left.
      ...(team === "Payments" ? ([["jonas", 2]] as const) : []),
    ]);
  }
  if (random.chance(operatorRate)) {
    roles.operator = random.weighted([
      ...engineers.map((key) => [key, key === lead ? 2 : 3] as const),
      ["priya", team === "Platform" ? 4 : 2],
    ]);
  }
  if (random.chance(approverRate)) {
    roles.approver = random.weighted([
      [lead, 6],
      ["arjun", 2],
      ["sam", 2],
      ["priya", 1.5],
      ["maya", tier === 1 ? 1 : 0],
    ]);
  }
  if (random.chance(tier === 1 ? commanderTier1Rate : commanderRate)) {
    roles.incident_commander = random.weighted([
      ["sam", 4],
      ["arjun", 3],
      ["diego", 2],
      ["hannah", 1],
      ["marcus", team === "Payments" ? 3 : 0.5],
      ["ben", team === "Identity" ? 3 : 0.5],
    ]);
  }
  return roles;
}
