// Where a Vault / OpenBao KV v2 mount is and how Keyledger logs in — never the credentials
// themselves: those come from environment variables or mounted files named here.
import { z } from "zod";
import { credentialFields, credentialFile, envName, type CredentialSlot } from "@/lib/sources/credentials";
import { storeAddress } from "@/lib/sources/store-address";

const segment = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;
const trimSlashes = (value: string) => value.replace(/^\/+|\/+$/g, "");
const vaultPath = (what: string) =>
  z
    .string()
    .transform(trimSlashes)
    .refine((value) => segment.test(value), `${what} must be path segments of letters, digits, '_', '-' or '.'`);

export const DEFAULT_KUBERNETES_JWT_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/** The credentials Keyledger reads for each auth method, and what they fall back to. */
export const VAULT_SLOTS = {
  token: { what: "Vault token", env: "tokenEnv", file: "tokenFile", defaultEnv: "VAULT_TOKEN" },
  roleId: { what: "Vault AppRole role id", env: "roleIdEnv", file: "roleIdFile", defaultEnv: "VAULT_ROLE_ID" },
  secretId: { what: "Vault AppRole secret id", env: "secretIdEnv", file: "secretIdFile", defaultEnv: "VAULT_SECRET_ID" },
  jwt: { what: "Kubernetes service-account token", file: "jwtFile", defaultFile: DEFAULT_KUBERNETES_JWT_FILE },
} satisfies Record<string, CredentialSlot>;

export const VAULT_CREDENTIALS: Record<"token" | "approle" | "kubernetes", CredentialSlot[]> = {
  token: [VAULT_SLOTS.token],
  approle: [VAULT_SLOTS.roleId, VAULT_SLOTS.secretId],
  kubernetes: [VAULT_SLOTS.jwt],
};

export const vaultConfigSchema = z
  .object({
    address: storeAddress().transform((value) => value.replace(/\/+$/, "")),
    mount: vaultPath("mount").default("secret"),
    /** Vault Enterprise / HCP namespace, sent as X-Vault-Namespace. */
    namespace: vaultPath("namespace").optional(),
    /** Only walk below this folder of the mount. */
    pathPrefix: vaultPath("pathPrefix").optional(),
    auth: z.enum(["token", "approle", "kubernetes"]).default("token"),
    ...credentialFields,
    approleMount: vaultPath("approleMount").default("approle"),
    roleIdEnv: envName.optional(),
    roleIdFile: credentialFile.optional(),
    secretIdEnv: envName.optional(),
    secretIdFile: credentialFile.optional(),
    k8sMount: vaultPath("k8sMount").default("kubernetes"),
    role: z.string().min(1).optional(),
    /** Default: DEFAULT_KUBERNETES_JWT_FILE, which KEYLEDGER_CREDENTIAL_DIR must then contain. */
    jwtFile: credentialFile.optional(),
    /** Metadata reads in flight at once. */
    concurrency: z.number().int().min(1).max(32).default(8),
  })
  .superRefine((config, ctx) => {
    if (config.auth === "kubernetes" && !config.role) {
      ctx.addIssue({ code: "custom", path: ["role"], message: "Kubernetes auth needs the Vault role to log in as" });
    }
  });

export type VaultConfig = z.output<typeof vaultConfigSchema>;
