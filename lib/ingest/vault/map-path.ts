// Which secret a Vault request is about, and what it did to it. The secret is named
// `<mount>/<path>`, exactly the external id the Vault connector gives it (lib/sources/vault/map-secret.ts),
// whatever endpoint was called: kv/data/x, kv/metadata/x and kv/destroy/x are all `kv/x`.
// A list names a folder and keeps its trailing slash (`kv/payments/`), so it never matches a secret.
import type { Action } from "@/lib/ingest/types";
import { redact } from "@/lib/log";
import type { AuditRequest } from "@/lib/ingest/vault/entry";

export type PathTarget = { kind: "secret"; action: Action; secretRef: string } | { kind: "skip"; reason: string };

const NOT_SECRETS = new Set(["auth", "sys", "identity", "cubbyhole"]);
const KV_MOUNT_TYPES = new Set(["kv", "generic"]);
/** Mounts that are KV in a default install; used only for old logs that do not record mount_type. */
const DEFAULT_KV_MOUNTS = new Set(["secret", "kv"]);
const KV2_ENDPOINTS = new Set(["data", "metadata", "delete", "undelete", "destroy", "subkeys"]);

/** The first segments of a path, for a skip reason that groups well and quotes little. */
export function describePath(path: string): string {
  return redact(path.split("/").filter(Boolean).slice(0, 3).join("/")).slice(0, 80) || "(root)";
}

function kv1Action(operation: string): Action {
  switch (operation) {
    case "read":
      return "read";
    case "list":
      return "list";
    case "create":
      return "create";
    case "update":
    case "patch":
      return "update";
    case "delete":
      return "delete";
    default:
      return "other";
  }
}

function kv2Action(endpoint: string, operation: string, data: AuditRequest["data"]): Action {
  const write = operation === "create" || operation === "update" || operation === "patch";
  switch (endpoint) {
    case "data":
      return kv1Action(operation);
    case "metadata":
      if (operation === "read") return "describe";
      if (write) return data && "custom_metadata" in data ? "tag_change" : "update";
      return operation === "list" ? "list" : operation === "delete" ? "delete" : "other";
    case "delete":
    case "destroy":
      return write ? "delete" : "other";
    case "undelete":
      return write ? "restore" : "other";
    case "subkeys":
      return operation === "read" ? "describe" : "other";
    default:
      return "other";
  }
}

export function classifyRequest(request: AuditRequest): PathTarget {
  const path = request.path.replace(/^\/+/, "");
  const first = path.split("/")[0] ?? "";
  if (!first || NOT_SECRETS.has(first)) return { kind: "skip", reason: `not about a secret: ${describePath(path)}` };

  const mountType = request.mount_type || null;
  if (mountType && !KV_MOUNT_TYPES.has(mountType)) {
    return { kind: "skip", reason: `not a KV secret (${redact(mountType).slice(0, 40)}): ${describePath(path)}` };
  }
  const mountPoint = (request.mount_point ?? "").replace(/^\/+|\/+$/g, "");
  const mount = mountPoint && (path === mountPoint || path.startsWith(`${mountPoint}/`)) ? mountPoint : first;
  const rest = path.slice(mount.length + 1);
  const [endpoint = "", ...tail] = rest.split("/");

  if (rest === "config") return { kind: "skip", reason: `KV mount configuration: ${describePath(path)}` };
  if (KV2_ENDPOINTS.has(endpoint) && tail.length) {
    return { kind: "secret", action: kv2Action(endpoint, request.operation, request.data), secretRef: `${mount}/${tail.join("/")}` };
  }
  if (KV2_ENDPOINTS.has(endpoint) && request.operation === "list") return { kind: "secret", action: "list", secretRef: `${mount}/` };
  if (!mountType && !DEFAULT_KV_MOUNTS.has(mount)) {
    return { kind: "skip", reason: `unknown secrets engine (no mount_type): ${describePath(path)}` };
  }
  return { kind: "secret", action: kv1Action(request.operation), secretRef: `${mount}/${rest}` };
}
