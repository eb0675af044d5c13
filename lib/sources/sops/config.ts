// SOPS source configuration: a local checkout and the globs that name its encrypted files.
import path from "node:path";
import { z } from "zod";

export const DEFAULT_SOPS_GLOBS = ["**/*.enc.yaml", "**/*.enc.json", "**/*.sops.yaml", "**/secrets/*.yaml", "**/*.enc.env"];

const repoGlob = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((g) => !path.isAbsolute(g) && !g.split(/[/\\]/).includes(".."), "a glob relative to the repository, without ..");

export const sopsConfigSchema = z
  .object({
    repoPath: z.string().trim().min(1).refine((p) => path.isAbsolute(p), "an absolute path to a checkout on the Keyledger worker"),
    globs: z.array(repoGlob).min(1).default(DEFAULT_SOPS_GLOBS),
  })
  .strict();

export type SopsConfig = z.infer<typeof sopsConfigSchema>;
