// Every connector Keyledger has, by source kind. The sync job, the Sources page and the API look
// connectors up here; nothing else names a store.
import { githubActionsConnector } from "@/lib/sources/github/connector";
import type { Connector, SourceKind } from "@/lib/sources/types";
import { vaultConnector } from "@/lib/sources/vault/connector";

// Each connector has its own configuration type; callers validate with its configSchema first.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyConnector = Connector<any>;

export const CONNECTORS: Partial<Record<SourceKind, AnyConnector>> = {
  vault: vaultConnector,
  github_actions: githubActionsConnector,
};

export function getConnector(kind: SourceKind): AnyConnector | undefined {
  return CONNECTORS[kind];
}
