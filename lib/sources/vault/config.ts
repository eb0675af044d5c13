// Where a Vault / OpenBao KV v2 mount is and how Keyledger logs in — never the credentials
// themselves: those come from environment variables or mounted files named here.
import { z } from "zod";
import { credentialFields, envName } from "@/lib/sources/credentials";

const segment = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const trimSlashes = (value: string) => value.replace(/^\/+|\/+$/g, "");
const vaultPath = (what: string) =>
  z
    .string()
    .transform(trimSlashes)
    .refine((value) => segment.test(value), `${what} must be path segments of letters, digits, '_', '-' or '.'`);

export const DEFAULT_KUBERNETES_JWT_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/token";

export const vaultConfigSchema = z
  .object({
    address: z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }).transform((value) => value.replace(/\/+$/, "")),
    mount: vaultPath("mount").default("secret"),
    /** Vault Enterprise / HCP namespace, sent as X-Vault-Namespace. */
    namespace: vaultPath("namespace").optional(),
    /** Only walk below this folder of the mount. */
    pathPrefix: vaultPath("pathPrefix").optional(),
    auth: z.enum(["token", "approle", "kubernetes"]).default("token"),
    ...credentialFields,
    approleMount: vaultPath("approleMount").default("approle"),
    roleIdEnv: envName.optional(),
    roleIdFile: z.string().min(1).optional(),
    secretIdEnv: envName.optional(),
    secretIdFile: z.string().min(1).optional(),
    k8sMount: vaultPath("k8sMount").default("kubernetes"),
    role: z.string().min(1).optional(),
    jwtFile: z.string().min(1).default(DEFAULT_KUBERNETES_JWT_FILE),
    /** Metadata reads in flight at once. */
    concurrency: z.number().int().min(1).max(32).default(8),
  })
  .superRefine((config, ctx) => {
    if (config.auth === "kubernetes" && !config.role) {
      ctx.addIssue({ code: "custom", path: ["role"], message: "Kubernetes auth needs the Vault role to log in as" });
    }
  });

export type VaultConfig = z.output<typeof vaultConfigSchema>;
