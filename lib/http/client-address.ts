// Who is asking, as far as Keyledger can tell. Route handlers cannot see the TCP peer, so the web
// server `keyledger start` runs (scripts/web-server.ts) removes whatever a client sent in this header
// and sets it from the socket peer — or, behind the operator's declared proxies
// (KEYLEDGER_TRUST_PROXY_HOPS), from X-Forwarded-For (scripts/peer-address.ts). Without that server
// (`next dev`) the header is absent and the address unknown (docs/security.md).
import { isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-keyledger-client-address";

type HeaderSource = { get(name: string): string | null };

export function clientAddress(headers: HeaderSource): string | null {
  const value = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  return value && isIP(value) ? value : null;
}
