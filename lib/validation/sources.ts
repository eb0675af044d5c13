// Shapes for the sources API. A source's `config` is validated again by its connector's own
// schema (lib/sources/<store>), which knows the store's fields.
import { z } from "zod";
import { SOURCE_KIND_VALUES } from "@/lib/domain/registry-values";

const tagKeyList = z.array(z.string().trim().min(1).max(64)).min(1).max(10);
export const tagKeysSchema = z
  .object({
    creator: tagKeyList,
    operator: tagKeyList,
    approver: tagKeyList,
    incident_commander: tagKeyList,
    environment: tagKeyList,
    tier: tagKeyList,
    service: tagKeyList,
  })
  .partial()
  .strict();

export const createSourceBody = z
  .object({
    kind: z.enum(SOURCE_KIND_VALUES),
    name: z.string().trim().min(2).max(80),
    config: z.record(z.string(), z.unknown()).default({}),
    syncIntervalMinutes: z.number().int().min(5).max(10080).default(60),
    tagKeys: tagKeysSchema.nullable().default(null),
    enabled: z.boolean().default(true),
  })
  .strict();

export const updateSourceBody = createSourceBody.omit({ kind: true }).partial().strict();
export const sourceIdParams = z.object({ id: z.uuid() });
