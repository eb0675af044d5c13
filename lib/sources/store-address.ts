// Where a source may send its credentials (docs/security.md): an http(s) base URL with no
// credentials in it, and — unless the operator sets KEYLEDGER_ALLOW_LINK_LOCAL=on — no link-local
// or cloud-metadata host. Checked on save by the config schemas, and again before anything is sent,
// after DNS resolution, so a name that resolves to 169.254.169.254 is refused as well.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { z } from "zod";
import { isLinkLocalOrMetadata } from "@/lib/sources/link-local";
import { SourceError } from "@/lib/sources/source-error";
import { sourceReach, type SourceReach } from "@/lib/sources/source-reach";

const LINK_LOCAL_HINT = "which sources never reach: set KEYLEDGER_ALLOW_LINK_LOCAL=on for Keyledger if a store really lives there";

/** Why `raw` may not be a store's address, or null. `https` refuses plain http. */
export function addressRefusal(raw: string, reach: Pick<SourceReach, "allowLinkLocal">, { https = false } = {}): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return https ? "must be an https:// URL" : "must be an http:// or https:// URL";
  }
  if (url.protocol !== "https:" && (https || url.protocol !== "http:")) return https ? "must be an https:// URL" : "must be an http:// or https:// URL";
  if (url.username || url.password) return "must not carry a user name or password (user:password@…): credentials come from an environment variable (…Env) or a file (…File)";
  if (/[?#]/.test(raw)) return "must be a base address without ? or #";
  if (!reach.allowLinkLocal && isLinkLocalOrMetadata(url.hostname)) return `${url.hostname} is a link-local or cloud-metadata address, ${LINK_LOCAL_HINT}`;
  return null;
}

/** A config field holding a store's base URL. */
export function storeAddress({ https = false } = {}) {
  return z.string().superRefine((raw, ctx) => {
    const problem = addressRefusal(raw, sourceReach(), { https });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

export type Lookup = (host: string) => Promise<LookupAddress[]>;
const systemLookup: Lookup = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** Before a request leaves: the address passes the checks above, and so does every address its host resolves to. */
export async function assertReachable(raw: string, reach: Pick<SourceReach, "allowLinkLocal">, lookup: Lookup = systemLookup): Promise<void> {
  const problem = addressRefusal(raw, reach);
  const host = URL.canParse(raw) ? new URL(raw).hostname : raw;
  if (problem) throw new SourceError("config", `The store address ${host} is refused: ${problem}.`);
  if (reach.allowLinkLocal) return;
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare)) return;
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(bare);
  } catch (error) {
    throw new SourceError("unavailable", `${host} could not be resolved (${(error as NodeJS.ErrnoException).code ?? "lookup failed"}).`, { cause: error });
  }
  const bad = addresses.find((a) => isLinkLocalOrMetadata(a.address));
  if (bad) throw new SourceError("config", `${host} resolves to ${bad.address}, a link-local or cloud-metadata address, ${LINK_LOCAL_HINT}.`);
}
