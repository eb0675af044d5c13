// The last step before a connector runs (sync and "Test connection" alike): every address the
// configuration names is checked after DNS resolution before the connector starts — so before it
// reads a credential — and every request it makes through ctx.fetch is checked the same way. SDK
// connectors (AWS, GCP, Azure, Kubernetes) reach only the addresses checked here or their SDK's own.
import type { Connector, ConnectorContext } from "@/lib/sources/types";
import type { SourceReach } from "@/lib/sources/source-reach";
import { assertReachable, type Lookup } from "@/lib/sources/store-address";

/** A fetch that refuses a URL failing the address checks; one check per host and connection. */
export function guardedFetch(inner: typeof fetch, reach: Pick<SourceReach, "allowLinkLocal">, lookup?: Lookup): typeof fetch {
  const checked = new Map<string, Promise<void>>();
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    let check = checked.get(url.origin);
    if (!check) {
      check = assertReachable(`${url.origin}/`, reach, lookup);
      checked.set(url.origin, check);
    }
    await check;
    return inner(input, init);
  }) as typeof fetch;
}

/** The connector and context to run: the addresses checked first, then every request. */
export function guardConnection<C>(connector: Connector<C>, ctx: ConnectorContext<C>, addresses: string[], reach: Pick<SourceReach, "allowLinkLocal">, lookup?: Lookup) {
  const ready = () => Promise.all(addresses.map((address) => assertReachable(address, reach, lookup)));
  const guarded: Connector<C> = {
    ...connector,
    async testConnection(c) {
      await ready();
      return connector.testConnection(c);
    },
    async *listSecrets(c) {
      await ready();
      yield* connector.listSecrets(c);
    },
  };
  return { connector: guarded, ctx: { ...ctx, fetch: guardedFetch(ctx.fetch, reach, lookup) } };
}
