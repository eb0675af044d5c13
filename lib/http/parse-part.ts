import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";

/** Parses one part of a request (params, query, body) and names the field at fault. */
export async function parsePart(schema: z.ZodType | undefined, input: unknown, part: string) {
  if (!schema) return undefined;
  const parsed = await schema.safeParseAsync(input);
  if (parsed.success) return parsed.data;
  // A malformed id in the path names nothing that exists: 404, like an unknown id.
  if (part === "params") throw new AppError("not_found", "No such resource");
  throw new AppError("invalid_input", `Invalid ${part}`, fieldErrors(parsed.error, part));
}
