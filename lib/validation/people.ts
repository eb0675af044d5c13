// What the people routes accept.
import { z } from "zod";
import { OWNERSHIP_ROLES } from "@/lib/domain/roles";

export const personParams = z.object({ id: z.uuid() });

// `personId: null` is how a role is left empty on purpose (a gap); leaving the key out is an error.
export const offboardingBody = z
  .object({
    reassignments: z
      .array(z.object({ secretId: z.uuid({ message: "must be a secret id" }), role: z.enum(OWNERSHIP_ROLES), personId: z.uuid({ message: "must be a person id, or null for a gap" }).nullable() }).strict())
      .max(5000),
  })
  .strict();
