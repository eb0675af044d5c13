// Infisical source configuration and the documented shapes Keyledger reads: Universal Auth login,
// the OpenAPI document every instance serves at /api/docs/json, and the secrets list.
import { z } from "zod";
import { credentialFile, envName, type CredentialSlot } from "@/lib/sources/credentials";
import { storeAddress } from "@/lib/sources/store-address";

const slug = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "an environment slug (dev, staging, prod…)");

export const infisicalConfigSchema = z
  .object({
    siteUrl: storeAddress().default("https://app.infisical.com"),
    projectId: z.string().trim().min(1).max(100),
    environments: z.array(slug).min(1),
    secretPath: z.string().trim().regex(/^\/[^\s]*$/, 'a folder path starting with "/"').default("/"),
    /** Also list secrets in folders below secretPath. */
    recursive: z.boolean().default(true),
    clientIdEnv: envName.optional(),
    clientIdFile: credentialFile.optional(),
    clientSecretEnv: envName.optional(),
    clientSecretFile: credentialFile.optional(),
  })
  .strict();

export type InfisicalConfig = z.infer<typeof infisicalConfigSchema>;

export const INFISICAL_CREDENTIALS: CredentialSlot[] = [
  { what: "Infisical machine identity client id", env: "clientIdEnv", file: "clientIdFile", defaultEnv: "INFISICAL_CLIENT_ID" },
  { what: "Infisical machine identity client secret", env: "clientSecretEnv", file: "clientSecretFile", defaultEnv: "INFISICAL_CLIENT_SECRET" },
];

export const loginSchema = z.object({ accessToken: z.string().min(1), expiresIn: z.number().optional(), tokenType: z.string().optional() });

const parameterSchema = z.object({ in: z.string(), name: z.string() });
export const openApiSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ parameters: z.array(parameterSchema).optional() }).loose()).optional()),
});

/** Infisical's mask for a value the caller asked not to see (`viewSecretValue=false`). */
export const HIDDEN_VALUE_MASK = "<hidden-by-infisical>";

export const secretSchema = z.object({
  id: z.string().optional(),
  secretKey: z.string().min(1),
  environment: z.string().optional(),
  secretPath: z.string().optional(),
  type: z.string().optional(),
  version: z.number().int().nullish(),
  secretComment: z.string().nullish(),
  // Read only to prove the value was withheld; never copied into SecretMetadata.
  secretValue: z.string().optional(),
  secretValueHidden: z.boolean().optional(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  tags: z.array(z.object({ slug: z.string(), name: z.string().optional() })).nullish(),
  secretMetadata: z.array(z.object({ key: z.string(), value: z.string().nullish(), isEncrypted: z.boolean().optional() })).nullish(),
});

export const listSchema = z.object({ secrets: z.array(secretSchema) });
export type InfisicalSecret = z.infer<typeof secretSchema>;
