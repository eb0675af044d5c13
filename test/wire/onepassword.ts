// A 1Password Connect wire server (Connect API spec shapes, {status, message} errors) with
// deterministic lumenpay vaults and items. It also answers the full-item and file endpoints —
// under their own operation names, with a sentinel where a value would be — so tests can prove
// Keyledger never calls them. Connect does not page item lists.
import { createFaults, faultsByOperation, startWireServer, type WireRequest, type WireResponse, type WireServer } from "@/test/wire/wire-server";

export const ONEPASSWORD_VALUE_SENTINEL = "[wire: 1password value endpoint was called]";

export type OnePasswordSampleItem = {
  id: string;
  title: string;
  category: string;
  tags: string[];
  version: number;
  state?: "ARCHIVED" | "DELETED";
  createdAt: string;
  updatedAt: string;
  urls?: { href: string; primary?: boolean }[];
};
export type OnePasswordSampleVault = { id: string; name: string; items: OnePasswordSampleItem[] };
export type OnePasswordFault = { status: number; body?: unknown; headers?: Record<string, string> };
export type OnePasswordWireOptions = { vaults?: OnePasswordSampleVault[]; token?: string; faults?: Partial<Record<string, OnePasswordFault[]>> };

/** A Connect-style 26-character lowercase id, stable for a prefix and number. */
export const opId = (prefix: string, n: number) => `${prefix}${String(n).padStart(26 - prefix.length, "0")}`;

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();

type Row = [title: string, category: string, tags: string[], version: number, state?: "ARCHIVED"];
const VAULTS: [string, Row[]][] = [
  ["Payments", [
    ["Stripe live secret key", "API_CREDENTIAL", ["owner=ana@lumenpay.example", "approver=li@lumenpay.example", "env=prod", "tier=1", "service=payments-api", "pci"], 7],
    ["Payments Postgres admin", "DATABASE", ["owner=marco@lumenpay.example", "env=prod", "tier=1", "service=payments-api,ledger-core"], 3],
    ["Plaid sandbox", "API_CREDENTIAL", ["owner=ana@lumenpay.example", "env=sandbox", "tier=3"], 2],
    ["Old Adyen key", "API_CREDENTIAL", ["owner=ana@lumenpay.example"], 4, "ARCHIVED"],
  ]],
  ["Infrastructure", [
    ["bastion deploy key", "SSH_KEY", ["owner=sam@lumenpay.example", "env=prod", "tier=2"], 1],
    ["AWS root account", "LOGIN", ["owner=sam@lumenpay.example", "incident-commander=li@lumenpay.example", "tier=1"], 12],
    ["Grafana admin", "PASSWORD", ["env=staging", "owner=unknown"], 5],
  ]],
  ["Shared Ops", [
    ["Office Wi-Fi", "WIRELESS_ROUTER", [], 1],
    ["Status page runbook", "SECURE_NOTE", ["runbook"], 9],
  ]],
];

export function buildOnePasswordSample(): OnePasswordSampleVault[] {
  return VAULTS.map(([name, rows], v) => ({
    id: opId("lpvault", v + 1),
    name,
    items: rows.map(([title, category, tags, version, state], i) => ({
      id: opId(`lpitem${v + 1}x`, i + 1),
      title,
      category,
      tags,
      version,
      ...(state ? { state } : {}),
      createdAt: day(10 * v + i),
      updatedAt: day(100 + 10 * v + i),
      urls: category === "API_CREDENTIAL" ? [{ href: "https://dashboard.example.test", primary: true }] : undefined,
    })),
  }));
}

export function onePasswordOperation(request: WireRequest): string {
  const parts = request.path.split("/").filter(Boolean);
  if (request.method !== "GET") return `Unsupported ${request.method} ${request.path}`;
  if (parts[0] === "heartbeat" || parts[0] === "health") return "Health";
  if (parts[0] !== "v1") return `Unknown ${request.path}`;
  if (parts[1] === "activity") return "ListApiActivity";
  if (parts[1] !== "vaults") return `Unknown ${request.path}`;
  const shape = parts.slice(2).map((p, i) => (i % 2 === 0 ? "{id}" : p)).join("/");
  const known: Record<string, string> = {
    "": "ListVaults",
    "{id}": "GetVault",
    "{id}/items": "ListItems",
    "{id}/items/{id}": "GetItemWithFields",
    "{id}/items/{id}/files": "ListItemFiles",
    "{id}/items/{id}/files/{id}": "GetItemFile",
    "{id}/items/{id}/files/{id}/content": "GetItemFileContent",
  };
  return known[shape] ?? `Unknown ${request.path}`;
}

const error = (status: number, message: string, operation: string): WireResponse => ({ status, operation, body: { status, message } });

export function createOnePasswordHandler(options: OnePasswordWireOptions = {}) {
  const vaults = options.vaults ?? buildOnePasswordSample();
  const token = options.token ?? "test-only-connect-token";
  const takeFault = createFaults(faultsByOperation(options.faults));

  return (request: WireRequest): WireResponse => {
    const operation = onePasswordOperation(request);
    const fault = takeFault(operation);
    if (fault) return { operation, status: fault.status, headers: fault.headers, body: fault.body ?? { status: fault.status, message: `fault ${fault.status}` } };
    if (request.headers.authorization !== `Bearer ${token}`) return error(401, "Invalid token signature", operation);
    const [, , vaultId, , itemId] = request.path.split("/").filter(Boolean);
    const vault = vaults.find((v) => v.id === vaultId);
    const item = vault?.items.find((i) => i.id === itemId);
    const summary = (v: OnePasswordSampleVault, i: OnePasswordSampleItem) => ({
      id: i.id, title: i.title, vault: { id: v.id }, category: i.category, urls: i.urls, favorite: false, tags: i.tags,
      version: i.version, state: i.state, createdAt: i.createdAt, updatedAt: i.updatedAt, lastEditedBy: "LPUSER0000000000000000000A",
    });
    switch (operation) {
      case "ListVaults":
        return { operation, body: vaults.map((v) => ({ id: v.id, name: v.name, description: "", attributeVersion: 1, contentVersion: v.items.length, items: v.items.length, type: "USER_CREATED", createdAt: "2024-06-01T00:00:00Z", updatedAt: "2025-06-01T00:00:00Z" })) };
      case "GetVault":
      case "ListItems":
        if (!vault) return error(404, `vault ${vaultId} not found`, operation);
        return { operation, body: operation === "GetVault" ? { id: vault.id, name: vault.name } : vault.items.map((i) => summary(vault, i)) };
      case "GetItemWithFields":
        if (!vault || !item) return error(404, `item ${itemId} not found`, operation);
        return { operation, body: { ...summary(vault, item), fields: [{ id: "credential", type: "CONCEALED", label: "credential", value: ONEPASSWORD_VALUE_SENTINEL }] } };
      case "ListItemFiles":
      case "GetItemFile":
      case "GetItemFileContent":
        return { operation, body: [{ id: "file0", name: "key.pem", size: 1, content: ONEPASSWORD_VALUE_SENTINEL }] };
      case "Health":
        return { operation, body: { name: "1Password Connect API", version: "1.7.1", dependencies: [] } };
      default:
        return error(404, "Not found", operation);
    }
  };
}

export function startOnePasswordWire(options: OnePasswordWireOptions = {}): Promise<WireServer> {
  return startWireServer(createOnePasswordHandler(options));
}
