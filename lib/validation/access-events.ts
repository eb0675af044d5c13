import { z } from "zod";
import { ACTIONS, SOURCE_KINDS } from "@/lib/ingest/types";
import { instantText as instant } from "@/lib/validation/instant";
import { many } from "@/lib/validation/many";

export const EVENT_ORIGINS = ["stores", "keyledger"] as const;

export const accessEventFilters = z.object({
  secret: z.uuid({ message: "must be a secret id" }).optional(),
  actor: z.string().trim().min(1).max(300).optional(),
  action: many(z.enum(ACTIONS)).optional(),
  result: z.enum(["success", "failure"]).optional(),
  source: many(z.enum(SOURCE_KINDS)).optional(),
  /** stores: what the stores' audit logs recorded; keyledger: Keyledger's own actions. */
  origin: z.enum(EVENT_ORIGINS).optional(),
  from: instant.optional(),
  to: instant.optional(),
  q: z.string().trim().max(200).optional(),
});
export type AccessEventFilters = z.infer<typeof accessEventFilters>;

export const listAccessEventsQuery = accessEventFilters
  .extend({ cursor: z.string().max(300).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();
export type ListAccessEventsQuery = z.infer<typeof listAccessEventsQuery>;
export const exportAccessEventsQuery = accessEventFilters.strict();
