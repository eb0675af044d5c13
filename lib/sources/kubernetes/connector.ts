// Kubernetes Secrets, metadata only: every secrets list asks the API server for a
// PartialObjectMetadataList, so Secret data never crosses the wire. ExternalSecrets (External
// Secrets Operator) add consumer links and remote keys.
import type { KubeConfig } from "@kubernetes/client-node";
import { z } from "zod";
import { kubernetesConfigSchema, type KubernetesConfig } from "@/lib/sources/kubernetes/config";
import { loadExternalSecretLinks } from "@/lib/sources/kubernetes/external-secrets";
import { loadKubeConfig } from "@/lib/sources/kubernetes/kube-client";
import { isBookkeeping, isServiceAccountToken, mapSecret, secretMetadataSchema, type SecretMetadataItem } from "@/lib/sources/kubernetes/map-secret";
import { pageThrough } from "@/lib/sources/kubernetes/pager";
import { kubernetesPolicy } from "@/lib/sources/kubernetes/policy";
import type { RetryOptions } from "@/lib/sources/retry";
import type { Connector } from "@/lib/sources/types";

/** No fallback media type: a server that cannot convert answers 406 instead of sending full Secrets. */
export const PARTIAL_METADATA_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

const metadataListSchema = z.object({
  kind: z.literal("PartialObjectMetadataList"),
  metadata: z.object({ continue: z.string().optional() }).optional(),
  items: z.array(secretMetadataSchema),
});

export type KubernetesConnectorOptions = { retry?: RetryOptions; pageSize?: number };

function secretPaths(config: KubernetesConfig): string[] {
  return config.namespaces?.length ? config.namespaces.map((ns) => `/api/v1/namespaces/${ns}/secrets`) : ["/api/v1/secrets"];
}

export function createKubernetesConnector(options: KubernetesConnectorOptions = {}): Connector<KubernetesConfig> {
  function listSecretMetadata(kc: KubeConfig, path: string, signal?: AbortSignal, limit = options.pageSize): AsyncGenerator<SecretMetadataItem> {
    return pageThrough({
      kc,
      path,
      accept: PARTIAL_METADATA_LIST,
      permission: "list on secrets",
      schema: metadataListSchema,
      key: (item) => item.metadata.uid ?? `${item.metadata.namespace}/${item.metadata.name}`,
      limit,
      retry: options.retry,
      signal,
    });
  }

  return {
    kind: "kubernetes",
    label: "Kubernetes",
    provides: ["externalId", "name", "kind", "environment", "tier", "lifetime", "createdAt", "updatedAt", "tags", "owners", "consumers", "place"],
    configSchema: kubernetesConfigSchema,
    policy: kubernetesPolicy,

    async testConnection(ctx) {
      const kc = await loadKubeConfig(ctx.config);
      const [path] = secretPaths(ctx.config);
      // One item is enough to prove both authentication and the list permission.
      for await (const _ of listSecretMetadata(kc, path!, ctx.signal, 1)) break;
      const scope = ctx.config.namespaces?.length ? `namespaces ${ctx.config.namespaces.join(", ")}` : "all namespaces";
      return { detail: `Listed secret metadata in cluster ${ctx.config.clusterName} (${scope}) at ${kc.getCurrentCluster()?.server}.` };
    },

    async *listSecrets(ctx) {
      const { config } = ctx;
      const kc = await loadKubeConfig(config);
      const links = await loadExternalSecretLinks(kc, config.namespaces, { retry: options.retry, signal: ctx.signal });
      for (const path of secretPaths(config)) {
        for await (const item of listSecretMetadata(kc, path, ctx.signal)) {
          if (isBookkeeping(item)) continue;
          if (isServiceAccountToken(item) && config.serviceAccountTokens === "skip") continue;
          const eso = links.get(`${item.metadata.namespace}/${item.metadata.name}`);
          yield mapSecret({ item, clusterName: config.clusterName, eso, tagKeys: ctx.tagKeys });
        }
      }
    },
  };
}

export const kubernetesConnector = createKubernetesConnector();
