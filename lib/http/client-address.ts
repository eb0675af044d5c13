// Who is asking, as far as Keyledger can tell. X-Forwarded-For is only believed for the number of
// reverse proxies the operator declared (KEYLEDGER_TRUST_PROXY_HOPS): each trusted proxy appends the
// address it saw, so the client is the entry that many places from the right. With no trusted proxy
// anyone could write the header, so it is ignored (docs/security.md).
import { isIP } from "node:net";
import { env } from "@/lib/env";

type HeaderSource = { get(name: string): string | null };

export function clientAddress(headers: HeaderSource, hops: number = env().KEYLEDGER_TRUST_PROXY_HOPS): string | null {
  if (hops <= 0) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = chain[chain.length - hops];
  return candidate && isIP(candidate) ? candidate : null;
}
