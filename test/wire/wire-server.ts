// A local HTTP server that speaks one store's documented wire format, for tests, the dev script
// and benchmarks. It records every call, so tests can assert exactly which operations a connector
// made — and that no value-returning operation was among them.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type WireRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: <T = unknown>() => T;
};

export type WireResponse = { status?: number; headers?: Record<string, string>; body?: unknown; operation: string };
export type RecordedCall = { operation: string; method: string; path: string; query: string; status: number };
export type WireServer = { url: string; port: number; calls: RecordedCall[]; operations: () => string[]; close: () => Promise<void> };

export async function startWireServer(
  handle: (request: WireRequest) => WireResponse | Promise<WireResponse>,
  options: { latencyMs?: number; host?: string } = {},
): Promise<WireServer> {
  const calls: RecordedCall[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://wire.local");
    const request: WireRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body,
      json: <T,>() => (body ? JSON.parse(body) : {}) as T,
    };
    let response: WireResponse;
    try {
      response = await handle(request);
    } catch (error) {
      response = { status: 500, body: { error: String(error) }, operation: "server-error" };
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const status = response.status ?? 200;
    calls.push({ operation: response.operation, method: request.method, path: request.path, query: url.search, status });
    const text = typeof response.body === "string" ? response.body : response.body === undefined ? "" : JSON.stringify(response.body);
    res.writeHead(status, { "content-type": "application/json", ...response.headers });
    res.end(text);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    operations: () => [...new Set(calls.map((c) => c.operation))].sort(),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** An injected answer for the calls to one operation (to every operation when it names none). */
export type WireFault = { operation?: string; status: number; times?: number; body?: unknown; headers?: Record<string, string> };

/**
 * Hands out injected faults in order: each answers the next `times` matching calls (default
 * `defaultTimes`), then the server answers normally again. `matches` narrows a fault further
 * (Vault's path prefix).
 */
export function createFaults<F extends { operation?: string; times?: number }>(faults: readonly F[] = [], defaultTimes = 1) {
  const pending = faults.map((fault) => ({ fault, left: fault.times ?? defaultTimes }));
  return (operation: string, matches: (fault: F) => boolean = () => true): F | undefined => {
    const next = pending.find(({ fault, left }) => left > 0 && (!fault.operation || fault.operation === operation) && matches(fault));
    if (next) next.left--;
    return next?.fault;
  };
}

/** Faults given per operation, each answering one call: `{ ListItems: [fault, fault] }`. */
export function faultsByOperation<F>(faults: Partial<Record<string, F[]>> = {}): (F & { operation: string; times: number })[] {
  return Object.entries(faults).flatMap(([operation, list]) => (list ?? []).map((fault) => ({ ...fault, operation, times: 1 })));
}
