// Every connector Keyledger has, by source kind. The sync job, the Sources page and the API look
// connectors up here; nothing else names a store.
import type { Connector, SourceKind } from "@/lib/sources/types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyConnector = Connector<any>;

export const CONNECTORS: Partial<Record<SourceKind, AnyConnector>> = {};

export function getConnector(kind: SourceKind): AnyConnector | undefined {
  return CONNECTORS[kind];
}
