// The client address the web server hands to Keyledger (lib/http/client-address.ts): the TCP peer,
// or — only when the operator declared that many reverse proxies (KEYLEDGER_TRUST_PROXY_HOPS) — the
// X-Forwarded-For entry that many places from the right. Each trusted proxy appends the address it
// saw, so entries further left are whatever the client wrote and are never believed.
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

export function forwardedClient(forwardedFor: string | string[] | undefined, hops: number): string | null {
  if (hops <= 0) return null;
  const chain = [forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(","))
    .map((part) => part.trim())
    .filter(Boolean);
  return plainAddress(chain[chain.length - hops]);
}

export function peerAddress(request: Pick<IncomingMessage, "headers" | "socket">, hops: number): string | null {
  return hops > 0 ? forwardedClient(request.headers["x-forwarded-for"], hops) : plainAddress(request.socket.remoteAddress);
}

/** Replaces whatever the client sent as the client-address header with the address seen here. */
export function stampClientAddress(request: IncomingMessage, hops: number): void {
  const address = peerAddress(request, hops);
  const raw: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]!.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
  }
  if (address) raw.push(CLIENT_ADDRESS_HEADER, address);
  request.rawHeaders = raw;
  delete request.headers[CLIENT_ADDRESS_HEADER];
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
}

/** "::ffff:203.0.113.9" (IPv4 on a dual-stack socket) as 203.0.113.9; null for anything not an address. */
function plainAddress(value: string | undefined): string | null {
  const address = value?.startsWith("::ffff:") && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return address && isIP(address) ? address : null;
}
