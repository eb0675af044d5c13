// Which GitHub organization (and repositories) to read Actions secret metadata from, on
// github.com or GitHub Enterprise, and where the token comes from — never the token itself.
import { z } from "zod";
import { credentialFields, type CredentialSlot } from "@/lib/sources/credentials";
import { storeAddress } from "@/lib/sources/store-address";

const name = /^[A-Za-z0-9_.-]+$/;

export const githubConfigSchema = z.object({
  org: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub organization login"),
  /** "api" (in the org) or "owner/api"; default: every repository of the org the token can see. */
  repos: z
    .array(z.string().refine((value) => value.split("/").length <= 2 && value.split("/").every((part) => name.test(part)), "must be repo or owner/repo"))
    .min(1)
    .optional(),
  includeEnvironments: z.boolean().default(true),
  /** https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server. */
  apiUrl: storeAddress()
    .default("https://api.github.com")
    .transform((value) => value.replace(/\/+$/, "")),
  ...credentialFields,
});

export type GitHubConfig = z.output<typeof githubConfigSchema>;

export const DEFAULT_GITHUB_API = "https://api.github.com";

export const GITHUB_TOKEN: CredentialSlot = { what: "GitHub token", env: "tokenEnv", file: "tokenFile", defaultEnv: "GITHUB_TOKEN" };
