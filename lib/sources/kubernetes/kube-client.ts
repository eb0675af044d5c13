// GET requests through @kubernetes/client-node's own machinery: KubeConfig supplies auth and TLS
// (exec plugins, OIDC, client certificates, in-cluster token) and the library's HTTP layer sends it —
// the same path its Metrics and Watch helpers use. The typed CoreV1Api.listSecretForAllNamespaces is
// deliberately not used: it asks for full Secret objects, values included.
import { HttpMethod, IsomorphicFetchHttpLibrary, KubeConfig, RequestContext } from "@kubernetes/client-node";
import path from "node:path";
import { readCredential, type CredentialSlot } from "@/lib/sources/credentials";
import type { KubernetesConfig } from "@/lib/sources/kubernetes/config";
import { parseRetryAfter } from "@/lib/sources/retry";
import { SourceError, sourceErrorFromStatus } from "@/lib/sources/source-error";
import { sourceReach } from "@/lib/sources/source-reach";
import { assertReachable } from "@/lib/sources/store-address";

export const KUBE_STORE = "Kubernetes API server";
const http = new IsomorphicFetchHttpLibrary();
export const KUBECONFIG: CredentialSlot = { what: "kubeconfig", file: "kubeconfigFile" };

export type KubeResponse = { status: number; body: unknown; retryAfter?: string };

/**
 * The kubeconfig to use: `kubeconfigFile` read under the same rules as every credential file
 * (inside KEYLEDGER_CREDENTIAL_DIR, never Keyledger's own), or the worker's default chain.
 */
export async function loadKubeConfig(config: KubernetesConfig): Promise<KubeConfig> {
  const kc = new KubeConfig();
  const text = config.kubeconfigFile ? await readCredential(config, KUBECONFIG) : undefined;
  try {
    if (text !== undefined) {
      kc.loadFromString(text);
      kc.makePathsAbsolute(path.dirname(config.kubeconfigFile!));
    } else kc.loadFromDefault();
  } catch (error) {
    // The parser's message quotes the file around the fault — tokens included — so only say where.
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new SourceError("config", `Cannot load the kubeconfig ${config.kubeconfigFile ? "in kubeconfigFile" : "(default)"}${line ? ` (line ${line})` : ""}: check it is a valid kubeconfig.`);
  }
  if (config.context) {
    if (!kc.getContextObject(config.context)) throw new SourceError("config", `The kubeconfig has no context named ${config.context}.`);
    kc.setCurrentContext(config.context);
  }
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  // loadFromDefault falls back to an unauthenticated http://localhost:8080 when it finds nothing.
  if (!cluster || (!config.kubeconfigFile && cluster.name === "cluster" && cluster.server === "http://localhost:8080")) {
    throw new SourceError("config", "No kubeconfig found: set kubeconfigFile, KUBECONFIG, or run the worker in the cluster with a service account.");
  }
  if (config.server && user) kc.loadFromClusterAndUser({ ...cluster, server: config.server }, user);
  return kc;
}

export async function kubeGet(kc: KubeConfig, path: string, query: Record<string, string | undefined>, accept: string, signal?: AbortSignal): Promise<KubeResponse> {
  const server = kc.getCurrentCluster()?.server ?? "";
  const url = new URL(path, server.endsWith("/") ? server : `${server}/`);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  // The API server may come from the kubeconfig rather than the source: check it before credentials go to it.
  await assertReachable(`${url.origin}/`, sourceReach());
  const request = new RequestContext(url.toString(), HttpMethod.GET);
  request.setHeaderParam("Accept", accept);
  if (signal) request.setSignal(signal);
  try {
    await kc.applySecurityAuthentication(request);
  } catch (error) {
    throw new SourceError("auth", `Cannot authenticate to the cluster with the kubeconfig: ${(error as Error).message}`);
  }
  let response;
  try {
    response = await http.send(request).toPromise();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new SourceError("unavailable", `${KUBE_STORE} at ${url.origin} could not be reached (${cause?.code ?? (error as Error).message}).`);
  }
  const text = await response.body.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (response.httpStatusCode < 300) throw new SourceError("malformed", `${KUBE_STORE} answered ${path} with a body that is not JSON.`);
    body = null;
  }
  return { status: response.httpStatusCode, body, retryAfter: response.headers["retry-after"] };
}

/** A non-2xx answer as a SourceError; a Status object's message is the apiserver's own words. */
export function kubeError(response: KubeResponse, what: string, missingPermission: string): SourceError {
  const status = response.body as { message?: unknown } | null;
  const detail = typeof status?.message === "string" ? status.message : `${what} failed`;
  const error = sourceErrorFromStatus(KUBE_STORE, response.status, detail, response.status === 403 ? missingPermission : undefined);
  error.retryAfterMs = parseRetryAfter(response.retryAfter);
  return error;
}
