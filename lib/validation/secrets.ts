// Query and body shapes for the secrets API, shared by the routes, the client islands and tests.
import { z } from "zod";
import { ENVIRONMENTS, LIFETIMES, SECRET_KINDS } from "@/lib/domain/registry-values";
import { OWNERSHIP_ROLES } from "@/lib/domain/roles";
import { many } from "@/lib/validation/many";

export const GAP_FILTERS = ["any", "problems", "conflict", "offboarded", ...OWNERSHIP_ROLES] as const;
/** over_a_year: the overview's "Not rotated in a year" (not short-lived; last rotated over 365 days ago, or unknown). */
export const ROTATED_FILTERS = ["over_a_year", "unknown"] as const;
export const COPY_FILTERS = ["unsanctioned"] as const;
export const SORT_KEYS = ["name", "tier", "environment", "last_rotated", "last_accessed", "unknowns"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const secretFiltersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  source: many(z.uuid({ message: "must be a source id" })).optional(),
  environment: many(z.enum([...ENVIRONMENTS, "unknown"])).optional(),
  tier: many(z.enum(["1", "2", "3", "4", "unknown"])).optional(),
  kind: many(z.enum([...SECRET_KINDS, "unknown"])).optional(),
  lifetime: many(z.enum([...LIFETIMES, "unknown"])).optional(),
  gaps: z.enum(GAP_FILTERS).optional(),
  unknowns: z.enum(["true", "false"]).optional(),
  rotated: z.enum(ROTATED_FILTERS).optional(),
  copies: z.enum(COPY_FILTERS).optional(),
});
export type SecretFilters = z.infer<typeof secretFiltersSchema>;

export const listSecretsQuery = secretFiltersSchema
  .extend({
    sort: z.enum(SORT_KEYS).default("name"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListSecretsQuery = z.infer<typeof listSecretsQuery>;

export const exportSecretsQuery = secretFiltersSchema
  .extend({ sort: z.enum(SORT_KEYS).default("name"), dir: z.enum(["asc", "desc"]).default("asc") })
  .strict();

export const secretIdParams = z.object({ id: z.uuid() });

export const roleParams = z.object({ id: z.uuid(), role: z.enum(OWNERSHIP_ROLES) });
export const assignRoleBody = z.object({ personId: z.uuid({ message: "must be a person id" }) }).strict();
