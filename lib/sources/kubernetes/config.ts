// Which cluster the Kubernetes source reads and how to reach it. Credentials stay in the kubeconfig
// file or the in-cluster service account; Keyledger only names the file.
import { z } from "zod";
import { credentialFile } from "@/lib/sources/credentials";
import { storeAddress } from "@/lib/sources/store-address";

const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a Kubernetes namespace name").max(63);

export const kubernetesConfigSchema = z.object({
  /** How people call this cluster ("prod-eu"); part of every secret's external id. */
  clusterName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, "letters, digits, '.', '_' and '-' only"),
  /** Defaults to KUBECONFIG, then ~/.kube/config, then the in-cluster service account. */
  kubeconfigFile: credentialFile.optional(),
  context: z.string().min(1).optional(),
  /** Limit reading to these namespaces (recommended: Kubernetes has no metadata-only verb for secrets). */
  namespaces: z.array(dnsLabel).optional(),
  /** Overrides the API server address from the kubeconfig. */
  server: storeAddress().optional(),
  /** Legacy service-account token Secrets are long-lived static tokens; skipped unless asked for. */
  serviceAccountTokens: z.enum(["skip", "include"]).default("skip"),
});

export type KubernetesConfig = z.infer<typeof kubernetesConfigSchema>;
