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

// The fields without defaults: an update names only what changes (zod 4 would fill a default into
// a partial's missing field, so a rename reset the configuration, schedule and tag keys).
const sourceFields = {
  name: z.string().trim().min(2).max(80),
  config: z.record(z.string(), z.unknown()),
  syncIntervalMinutes: z.number().int().min(5).max(10080),
  tagKeys: tagKeysSchema.nullable(),
  enabled: z.boolean(),
};

export const createSourceBody = z
  .object({
    kind: z.enum(SOURCE_KIND_VALUES),
    name: sourceFields.name,
    config: sourceFields.config.default({}),
    syncIntervalMinutes: sourceFields.syncIntervalMinutes.default(60),
    tagKeys: sourceFields.tagKeys.default(null),
    enabled: sourceFields.enabled.default(true),
  })
  .strict();

export const updateSourceBody = z.object(sourceFields).partial().strict();
export const sourceIdParams = z.object({ id: z.uuid() });
