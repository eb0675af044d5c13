// A query parameter that may hold several values: `?tier=1,2` and `?tier=1&tier=2` both mean
// [1, 2], each checked by `item`, at most 20.
import { z } from "zod";

export const many = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));
