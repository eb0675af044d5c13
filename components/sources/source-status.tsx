import { Flag } from "@/components/ui/badges";

type Props = { status: string; enabled: boolean; demo?: boolean; runStatus?: string | null };

/** A source's health in one badge: syncing now, ok, stale (last sync failed), never synced, disabled, demo. */
export function SourceStatus({ status, enabled, demo, runStatus }: Props) {
  if (demo) return <Flag tone="slate">demo data</Flag>;
  if (!enabled) return <Flag tone="slate">disabled</Flag>;
  if (runStatus === "running" || runStatus === "queued") return <Flag tone="orange">{runStatus === "running" ? "syncing…" : "queued"}</Flag>;
  if (status === "ok") return <Flag tone="green">in sync</Flag>;
  if (status === "stale") return <Flag tone="red">stale</Flag>;
  return <Flag tone="slate">never synced</Flag>;
}
