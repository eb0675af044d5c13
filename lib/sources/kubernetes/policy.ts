// RBAC for the Kubernetes connector, with the honest caveat: `list` on secrets is not metadata-only.
import type { KubernetesConfig } from "@/lib/sources/kubernetes/config";
import type { LeastPrivilegePolicy } from "@/lib/sources/types";

const ROLE = "keyledger-metadata-reader";
const SUBJECT = ["subjects:", "  - kind: ServiceAccount", "    name: keyledger", "    namespace: keyledger"];

export function kubernetesPolicy(config: KubernetesConfig): LeastPrivilegePolicy {
  const clusterRole = [
    "apiVersion: rbac.authorization.k8s.io/v1",
    "kind: ClusterRole",
    "metadata:",
    `  name: ${ROLE}`,
    "rules:",
    '  - apiGroups: [""]',
    '    resources: ["secrets"]',
    '    verbs: ["list"]',
    '  - apiGroups: ["external-secrets.io"]',
    '    resources: ["externalsecrets"]',
    '    verbs: ["list"]',
  ];
  const roleRef = ["roleRef:", "  apiGroup: rbac.authorization.k8s.io", "  kind: ClusterRole", `  name: ${ROLE}`];
  const bindings = config.namespaces?.length
    ? config.namespaces.map((ns) => ["apiVersion: rbac.authorization.k8s.io/v1", "kind: RoleBinding", "metadata:", `  name: ${ROLE}`, `  namespace: ${ns}`, ...roleRef, ...SUBJECT])
    : [["apiVersion: rbac.authorization.k8s.io/v1", "kind: ClusterRoleBinding", "metadata:", `  name: ${ROLE}`, ...roleRef, ...SUBJECT]];
  return {
    title: `RBAC: ${ROLE} (${config.namespaces?.length ? `namespaces ${config.namespaces.join(", ")}` : "all namespaces"})`,
    format: "yaml",
    text: `${[clusterRole, ...bindings].map((doc) => doc.join("\n")).join("\n---\n")}\n`,
    notes: [
      "Kubernetes RBAC has no metadata-only verb for Secrets: `list` on secrets also lets its holder ask for full Secret objects, values included (kubectl get secrets -o yaml). Treat the identity bound here as able to read secret values.",
      "Keyledger itself only ever asks for metadata: every secrets list is sent with Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1 and no fallback to full objects. Its tests run against a recording API server that flags any full Secret list.",
      "Narrow the exposure: list the namespaces in the source's configuration (the YAML then binds per namespace with RoleBindings instead of a ClusterRoleBinding), and keep the Keyledger service account's token out of reach.",
      "Secrets created with `kubectl apply` carry their data in the kubectl.kubernetes.io/last-applied-configuration annotation, which metadata includes. Keyledger drops that annotation on receipt and never stores or logs it; prefer server-side apply, Helm or External Secrets so values never sit in annotations.",
      "No get or watch is needed. The externalsecrets rule links each Secret to the ExternalSecret that feeds it; drop it if External Secrets Operator is not installed.",
      "Adjust the subject to the service account (or user) the Keyledger worker runs as.",
    ].join("\n"),
  };
}
