// The parts of GitHub's documented REST responses Keyledger reads (API version 2022-11-28).
// Secrets endpoints never carry values; unknown fields are stripped anyway.
import { z } from "zod";

const secret = z.object({ name: z.string().min(1), created_at: z.string(), updated_at: z.string() });

export const orgSecretsPage = z.object({
  total_count: z.number().int(),
  secrets: z.array(secret.extend({ visibility: z.enum(["all", "private", "selected"]), selected_repositories_url: z.string().optional() })),
});
export type OrgSecret = z.output<typeof orgSecretsPage>["secrets"][number];

export const secretsPage = z.object({ total_count: z.number().int(), secrets: z.array(secret) });
export type RepoSecret = z.output<typeof secretsPage>["secrets"][number];

const repository = z.object({
  name: z.string(),
  full_name: z.string(),
  private: z.boolean().optional(),
  visibility: z.string().optional(),
  archived: z.boolean().optional(),
});
export type Repository = z.output<typeof repository>;

export const orgReposPage = z.array(repository);
export const selectedReposPage = z.object({ total_count: z.number().int(), repositories: z.array(repository) });

export const environmentsPage = z.object({ total_count: z.number().int(), environments: z.array(z.object({ name: z.string().min(1) })).default([]) });
