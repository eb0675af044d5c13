// Doppler source configuration and the documented response shapes Keyledger reads
// (Doppler API v3: projects, configs, secret names, me).
import { z } from "zod";
import { credentialFields, type CredentialSlot } from "@/lib/sources/credentials";
import { storeAddress } from "@/lib/sources/store-address";

const slug = z.string().trim().min(1).max(200).regex(/^[^\s/]+$/, "a Doppler slug has no spaces or slashes");
/** A config name applying to every project ("prd"), or one project's config ("payments-api/prd"). */
const configRef = z.string().trim().min(1).max(401).regex(/^[^\s/]+(\/[^\s/]+)?$/, 'use "config" or "project/config"');

export const dopplerConfigSchema = z
  .object({
    apiUrl: storeAddress().default("https://api.doppler.com"),
    projects: z.array(slug).min(1).optional(),
    configs: z.array(configRef).min(1).optional(),
    ...credentialFields,
  })
  .strict();

export type DopplerConfig = z.infer<typeof dopplerConfigSchema>;

export const DOPPLER_TOKEN: CredentialSlot = { what: "Doppler token", env: "tokenEnv", file: "tokenFile", defaultEnv: "DOPPLER_TOKEN" };

export const meSchema = z.object({
  name: z.string().optional(),
  type: z.string().optional(),
  workplace: z.object({ name: z.string().optional(), slug: z.string().optional() }).partial().optional(),
});

export const projectsPageSchema = z.object({
  projects: z.array(z.object({ id: z.string().optional(), slug: z.string().min(1), name: z.string().optional() })),
});

export const configsPageSchema = z.object({
  configs: z.array(z.object({ name: z.string().min(1), environment: z.string().nullish(), project: z.string().optional() })),
});

export const namesSchema = z.object({ names: z.array(z.string().min(1)) });

export type DopplerConfigSummary = z.infer<typeof configsPageSchema>["configs"][number];
