"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Bell } from "lucide-react";
import { apiGet, apiSend } from "@/lib/http/api-client";
import type { ReminderPreferences as Preferences, ReminderPreferencesView } from "@/lib/domain/reminders/preferences";
import type { ReminderChannel } from "@/lib/domain/reminders/types";

const KEY = ["reminder-preferences"];
const PATH = "/api/v1/reminders/preferences";

const CHANNELS: { channel: ReminderChannel; label: string; detail: (v: ReminderPreferencesView) => string; setting: string }[] = [
  { channel: "email", label: "E-mail reminders", detail: (v) => `A digest to ${v.address}`, setting: "KEYLEDGER_SMTP_URL" },
  { channel: "slack", label: "Slack reminders", detail: () => "A message in the team's reminder channel, naming you", setting: "KEYLEDGER_SLACK_WEBHOOK_URL" },
];

/** The signed-in person's reminder channels: a switch each, applied at once and reconciled with the server. */
export function ReminderPreferences() {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const preferences = useQuery({ queryKey: KEY, queryFn: () => apiGet<ReminderPreferencesView>(PATH) });
  const save = useMutation({
    mutationFn: (next: Preferences) => apiSend<ReminderPreferencesView>("PUT", PATH, next),
    onMutate: async (next) => {
      setError(null);
      await client.cancelQueries({ queryKey: KEY });
      const previous = client.getQueryData<ReminderPreferencesView>(KEY);
      if (previous) client.setQueryData<ReminderPreferencesView>(KEY, { ...previous, ...next });
      return { previous };
    },
    onError: (e, _next, context) => {
      if (context?.previous) client.setQueryData(KEY, context.previous);
      setError(e.message);
    },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const view = preferences.data;

  return (
    <section className="card p-5" aria-labelledby="reminder-preferences-heading" data-testid="reminder-preferences">
      <h2 id="reminder-preferences-heading" className="mb-1 flex items-center gap-2 text-sm font-semibold text-ink">
        <Bell className="size-4 text-brand-600" aria-hidden /> Rotation reminders
      </h2>
      <p className="mb-4 text-xs text-slate-500">
        A digest when a rotation you own is 14, 7 or 1 day away, and every 3 days while one is overdue. At most one a day per channel.
      </p>
      {view && !view.canChange && <p className="mb-3 text-xs text-slate-500">Your role receives no rotation tasks, so there is nothing to change here.</p>}
      {preferences.isError && <p role="alert" className="text-sm text-red-700">{preferences.error.message}</p>}
      {view && (
        <ul className="space-y-3">
          {CHANNELS.map(({ channel, label, detail, setting }) => (
            <li key={channel} className="flex items-start justify-between gap-3">
              <span className="min-w-0 text-sm">
                <span className="block font-medium text-slate-800" id={`reminder-${channel}`}>
                  {label}
                </span>
                <span className="block text-xs text-slate-500">{detail(view)}</span>
                {!view.configured[channel] && (
                  <span className="mt-0.5 block text-xs text-amber-700">Not set up on this server yet ({setting}): your choice applies once it is.</span>
                )}
              </span>
              <button
                type="button"
                role="switch"
                aria-checked={view[channel]}
                aria-labelledby={`reminder-${channel}`}
                disabled={save.isPending || !view.canChange}
                onClick={() => save.mutate({ email: view.email, slack: view.slack, [channel]: !view[channel] })}
                className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition disabled:opacity-60 ${view[channel] ? "bg-brand-600" : "bg-slate-300"}`}
              >
                <span className={`inline-block size-5 rounded-full bg-white shadow transition ${view[channel] ? "translate-x-5" : "translate-x-0.5"}`} />
                <span className="sr-only">{view[channel] ? "on" : "off"}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p aria-live="polite" className="mt-3 min-h-4 text-xs text-slate-500">
        {error ? <span className="text-red-700">{error}</span> : save.isSuccess ? "Saved." : ""}
      </p>
    </section>
  );
}
