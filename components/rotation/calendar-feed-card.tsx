"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CalendarDays, Check, Copy, ExternalLink } from "lucide-react";
import { Flag } from "@/components/ui/badges";
import { apiGet, apiSend } from "@/lib/http/api-client";
import { formatDateTime, relativeDays } from "@/lib/domain/format";

type Feed = {
  id: string;
  scope: "person" | "team";
  team: string | null;
  prefix: string;
  createdAt: string;
  createdByName: string | null;
  lastFetchedAt: string | null;
  revokedAt: string | null;
};
type Issued = { feed: Feed; url: string; webcalUrl: string };

export const calendarFeedKeys = {
  all: ["calendar-feeds"] as const,
  list: (personId: string) => ["calendar-feeds", personId] as const,
};

export type CalendarFeedCardProps = {
  /** Whose rotation tasks the personal feed holds. */
  personId: string;
  /** Set when an admin manages someone else's feed: the URL is theirs to pass on. */
  forPerson?: string;
  /** Teams the viewer may subscribe to (their own; every team for admins). None: no team feeds. */
  teams?: string[];
};

/** "Subscribe in your calendar": a personal (and team) ICS feed, its URL shown once, regenerable and revocable. */
export function CalendarFeedCard({ personId, forPerson, teams = [] }: CalendarFeedCardProps) {
  const client = useQueryClient();
  const key = calendarFeedKeys.list(personId);
  const [issued, setIssued] = useState<(Issued & { label: string }) | null>(null);
  const [team, setTeam] = useState(teams[0] ?? "");
  const [error, setError] = useState<string | null>(null);
  const feeds = useQuery({ queryKey: key, queryFn: () => apiGet<{ items: Feed[] }>("/api/v1/calendar-feeds", { personId }) });
  const settle = { onError: (e: Error) => setError(e.message), onSettled: () => client.invalidateQueries({ queryKey: calendarFeedKeys.all }) };
  const show = (result: Issued) => (setIssued({ ...result, label: feedLabel(result.feed, forPerson) }), setError(null));
  const create = useMutation({
    mutationFn: (body: { scope: "person"; personId: string } | { scope: "team"; team: string }) => apiSend<Issued>("POST", "/api/v1/calendar-feeds", body),
    onSuccess: show,
    ...settle,
  });
  const regenerate = useMutation({ mutationFn: (id: string) => apiSend<Issued>("POST", `/api/v1/calendar-feeds/${id}/regenerate`), onSuccess: show, ...settle });
  const revoke = useMutation({
    mutationFn: (id: string) => apiSend("DELETE", `/api/v1/calendar-feeds/${id}`),
    onSuccess: (_r, id) => (setIssued((current) => (current?.feed.id === id ? null : current)), setError(null)),
    ...settle,
  });

  const items = feeds.data?.items ?? [];
  const active = items.filter((f) => !f.revokedAt);
  const personal = active.find((f) => f.scope === "person");
  const teamFeeds = active.filter((f) => f.scope === "team");
  const revoked = items.filter((f) => f.revokedAt && (f.scope === "person" || teams.length > 0));
  const busy = create.isPending || regenerate.isPending || revoke.isPending;

  return (
    <section className="card p-5" aria-label="Calendar feed" data-testid="calendar-feed-card">
      <h2 className="mb-1 flex items-center gap-2 text-sm font-semibold text-ink">
        <CalendarDays className="size-4 text-brand-600" aria-hidden /> {forPerson ? `${forPerson}'s calendar feed` : "Subscribe in your calendar"}
      </h2>
      <p className="mb-4 text-xs text-slate-500">
        {forPerson ? `${forPerson}'s` : "Your"} rotation tasks as a calendar: one all-day event on each due date, with a reminder the day before. Anyone with the URL can read it, so keep it private.
      </p>

      {issued && (
        <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" role="status">
          <p className="text-amber-900">
            Copy the URL of <b>{issued.label}</b> now — it will not be shown again{forPerson ? `; send it to ${forPerson}` : ""}:
          </p>
          <code className="mt-2 block rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-800" data-testid="feed-url">
            {issued.url}
          </code>
          <div className="mt-2 flex flex-wrap gap-2">
            <CopyButton text={issued.url} />
            <a className="btn" href={issued.webcalUrl}>
              <ExternalLink className="size-3.5" aria-hidden /> Open in calendar app
            </a>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {error}
        </p>
      )}

      <div className="divide-y divide-slate-100 border-y border-slate-100">
        {personal ? (
          <FeedRow feed={personal} label={forPerson ? "Personal feed" : "My feed"} busy={busy} onRegenerate={() => regenerate.mutate(personal.id)} onRevoke={() => revoke.mutate(personal.id)} />
        ) : (
          <div className="flex items-center justify-between gap-3 py-3">
            <span className="text-sm text-slate-600">{feeds.isPending ? "Loading…" : "No personal feed yet."}</span>
            <button type="button" className="btn-primary" disabled={busy || feeds.isPending} onClick={() => create.mutate({ scope: "person", personId })}>
              {forPerson ? "Create feed" : "Create my feed"}
            </button>
          </div>
        )}
        {teamFeeds.map((f) => (
          <FeedRow key={f.id} feed={f} label={`${f.team} team`} busy={busy} onRegenerate={() => regenerate.mutate(f.id)} onRevoke={() => revoke.mutate(f.id)} />
        ))}
      </div>

      {teams.length > 0 && (
        <form className="mt-3 flex items-center gap-2" onSubmit={(e) => (e.preventDefault(), create.mutate({ scope: "team", team }))}>
          <select className="field min-w-0 flex-1" aria-label="Team" value={team} onChange={(e) => setTeam(e.target.value)}>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <button type="submit" className="btn" disabled={busy || !team || teamFeeds.some((f) => f.team === team)}>
            Add team feed
          </button>
        </form>
      )}

      {revoked.length > 0 && (
        <p className="mt-3 text-xs text-slate-400" data-testid="revoked-feeds">
          Revoked: {revoked.map((f) => `${f.prefix}… (${formatDateTime(f.revokedAt!)})`).join(", ")}
        </p>
      )}

      <details className="mt-4 text-xs text-slate-600">
        <summary className="cursor-pointer font-medium text-slate-700">How to subscribe</summary>
        <ul className="mt-2 list-disc space-y-1.5 pl-4">
          <li>
            <b>Google Calendar</b> (web): Other calendars → <i>+</i> → <i>From URL</i>, paste the URL. Google refreshes it every few hours.
          </li>
          <li>
            <b>Outlook</b>: Add calendar → <i>Subscribe from web</i>, paste the URL and name it.
          </li>
          <li>
            <b>Apple Calendar</b>: click <i>Open in calendar app</i>, or File → <i>New Calendar Subscription…</i> and paste the URL; set auto-refresh to every hour.
          </li>
        </ul>
        <p className="mt-2 text-slate-500">Lost the URL, or shared it by mistake? Regenerate: the old URL stops working at once.</p>
      </details>
    </section>
  );
}

function feedLabel(feed: Feed, forPerson?: string) {
  if (feed.scope === "team") return `the ${feed.team} team feed`;
  return forPerson ? `${forPerson}'s feed` : "your feed";
}

function FeedRow({ feed, label, busy, onRegenerate, onRevoke }: { feed: Feed; label: string; busy: boolean; onRegenerate: () => void; onRevoke: () => void }) {
  return (
    <div className="py-3" data-feed-scope={feed.scope} data-feed-prefix={feed.prefix}>
      <div className="flex items-center justify-between gap-2">
        <span className="min-w-0 text-sm font-medium text-slate-800">
          {label} <span className="font-mono text-xs font-normal text-slate-500">{feed.prefix}…</span>
        </span>
        <Flag tone="green">active</Flag>
      </div>
      <p className="mt-0.5 text-xs text-slate-500">
        created {formatDateTime(feed.createdAt)}
        {feed.createdByName ? ` by ${feed.createdByName}` : ""} · {feed.lastFetchedAt ? `last fetched ${relativeDays(feed.lastFetchedAt)}` : "never fetched yet"}
      </p>
      <div className="mt-2 flex gap-2">
        <button type="button" className="btn" disabled={busy} onClick={onRegenerate}>
          Regenerate URL
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onRevoke}>
          Revoke
        </button>
      </div>
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" className="btn" aria-label="Copy URL" onClick={() => void copy().catch(() => setCopied(false))}>
      {copied ? <Check className="size-3.5 text-emerald-600" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
