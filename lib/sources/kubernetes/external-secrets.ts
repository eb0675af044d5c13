// External Secrets Operator: which ExternalSecret feeds which cluster Secret, from which store and
// remote keys. ExternalSecrets hold references, never values. ESO not installed → no links.
import type { KubeConfig } from "@kubernetes/client-node";
import { z } from "zod";
import { parseAnswer } from "@/lib/sources/http-json";
import { KUBE_STORE, kubeError, kubeGet } from "@/lib/sources/kubernetes/kube-client";
import { pageThrough } from "@/lib/sources/kubernetes/pager";
import { withRetry, type RetryOptions } from "@/lib/sources/retry";

export const ESO_GROUP = "external-secrets.io";
const SUPPORTED = ["v1", "v1beta1"];

export type EsoLink = { consumers: string[]; remoteKeys: string[]; stores: string[] };

const apiGroupSchema = z.object({
  versions: z.array(z.object({ version: z.string() })),
  preferredVersion: z.object({ version: z.string() }).optional(),
});

const externalSecretSchema = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string() }),
  spec: z
    .object({
      target: z.object({ name: z.string().optional() }).optional(),
      secretStoreRef: z.object({ name: z.string(), kind: z.string().optional() }).optional(),
      data: z.array(z.object({ remoteRef: z.object({ key: z.string() }).optional() })).optional(),
      dataFrom: z.array(z.object({ extract: z.object({ key: z.string() }).optional(), find: z.object({ name: z.object({ regexp: z.string() }).optional(), path: z.string().optional() }).optional() })).optional(),
    })
    .optional(),
});
const listSchema = z.object({ metadata: z.object({ continue: z.string().optional() }).optional(), items: z.array(externalSecretSchema) });
type ExternalSecret = z.infer<typeof externalSecretSchema>;

function remoteKeysOf(es: ExternalSecret): string[] {
  const keys = (es.spec?.data ?? []).map((d) => d.remoteRef?.key);
  for (const from of es.spec?.dataFrom ?? []) {
    keys.push(from.extract?.key);
    if (from.find) keys.push(`find:${from.find.name?.regexp ?? from.find.path ?? "*"}`);
  }
  return keys.filter((k): k is string => Boolean(k));
}

/** The served ESO version Keyledger understands, or null when ESO is not installed. */
async function esoVersion(kc: KubeConfig, retry?: RetryOptions, signal?: AbortSignal): Promise<string | null> {
  const response = await withRetry(async () => {
    const r = await kubeGet(kc, `/apis/${ESO_GROUP}`, {}, "application/json", signal);
    if (r.status !== 404 && (r.status < 200 || r.status >= 300)) throw kubeError(r, `GET /apis/${ESO_GROUP}`, `get on the discovery path /apis/${ESO_GROUP}`);
    return r;
  }, retry);
  if (response.status === 404) return null;
  const group = parseAnswer(apiGroupSchema, response.body, { store: KUBE_STORE, where: `GET /apis/${ESO_GROUP}` });
  const served = group.versions.map((v) => v.version);
  const preferred = group.preferredVersion?.version;
  return preferred && SUPPORTED.includes(preferred) ? preferred : (SUPPORTED.find((v) => served.includes(v)) ?? null);
}

/** Links keyed by the fed Secret, "namespace/name". */
export async function loadExternalSecretLinks(kc: KubeConfig, namespaces: string[] | undefined, options: { retry?: RetryOptions; signal?: AbortSignal } = {}): Promise<Map<string, EsoLink>> {
  const links = new Map<string, EsoLink>();
  const version = await esoVersion(kc, options.retry, options.signal);
  if (!version) return links;
  const paths = namespaces?.length ? namespaces.map((ns) => `/apis/${ESO_GROUP}/${version}/namespaces/${ns}/externalsecrets`) : [`/apis/${ESO_GROUP}/${version}/externalsecrets`];
  for (const path of paths) {
    const items = pageThrough({ kc, path, accept: "application/json", permission: `list on externalsecrets.${ESO_GROUP}`, schema: listSchema, key: (es) => `${es.metadata.namespace}/${es.metadata.name}`, ...options });
    for await (const es of items) {
      const { namespace, name } = es.metadata;
      const target = `${namespace}/${es.spec?.target?.name ?? name}`;
      const link = links.get(target) ?? { consumers: [], remoteKeys: [], stores: [] };
      link.consumers.push(`ExternalSecret ${namespace}/${name}`);
      link.remoteKeys.push(...remoteKeysOf(es));
      const store = es.spec?.secretStoreRef;
      if (store) link.stores.push(`${store.kind ?? "SecretStore"}/${store.name}`);
      links.set(target, link);
    }
  }
  return links;
}
