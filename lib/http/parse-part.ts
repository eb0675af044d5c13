import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";

/** Deeper than any request Keyledger accepts; deeper still would only exhaust the stack later. */
export const MAX_DEPTH = 32;

/**
 * What no schema may let through, checked before the schema runs: a NUL character in a string or
 * a key (Postgres refuses \u0000 in text and jsonb), or nesting past MAX_DEPTH. Iterative, so a
 * hostile depth cannot overflow the stack here either.
 */
export function unstorable(input: unknown, part: string): FieldError | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [part] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (value.includes("\u0000")) return { field: path.join("."), message: "must not contain a NUL character (\\u0000)" };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length > MAX_DEPTH) return { field: path.join("."), message: `is nested more than ${MAX_DEPTH} levels deep` };
    for (const [key, child] of Object.entries(value)) {
      if (key.includes("\u0000")) return { field: [...path, key.replaceAll("\u0000", "\\u0000")].join("."), message: "must not contain a NUL character (\\u0000)" };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** Parses one part of a request (params, query, body) and names the field at fault. */
export async function parsePart(schema: z.ZodType | undefined, input: unknown, part: string) {
  if (!schema) return undefined;
  const refused = unstorable(input, part);
  if (refused && part === "params") throw new AppError("not_found", "No such resource");
  if (refused) throw new AppError("invalid_input", `Invalid ${part}`, [refused]);
  const parsed = await schema.safeParseAsync(input);
  if (parsed.success) return parsed.data;
  // A malformed id in the path names nothing that exists: 404, like an unknown id.
  if (part === "params") throw new AppError("not_found", "No such resource");
  throw new AppError("invalid_input", `Invalid ${part}`, fieldErrors(parsed.error, part));
}
