import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { BellOff, BellRing } from "lucide-react";
import { Logo } from "@/components/ui/logo";
import { findUnsubscribeTarget } from "@/lib/data/reminders/find-unsubscribe-target";
import { reminderSigningSecret } from "@/lib/notify/signing-secret";

// Public (proxy.ts lets it through): the signed token in the link is the authorization. Opening the
// link changes nothing — mail scanners open every link — the button below does, and the mail
// client's own one-click unsubscribe (List-Unsubscribe-Post) does without this page.
export const metadata: Metadata = { title: "Reminders", referrer: "no-referrer", robots: { index: false } };

const CHANNEL = {
  email: { name: "e-mail", via: "by e-mail", sends: "e-mails a digest to" },
  slack: { name: "Slack", via: "in Slack", sends: "posts a digest in Slack about" },
} as const;

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const secret = await reminderSigningSecret();
  const target = secret && typeof token === "string" ? await findUnsubscribeTarget({ token, secret }) : null;
  if (!target || typeof token !== "string") forbidden();
  const channel = CHANNEL[target.channel];
  const action = `/api/v1/reminders/unsubscribe?token=${encodeURIComponent(token)}`;

  return (
    <main className="flex min-h-screen items-center justify-center bg-[radial-gradient(ellipse_at_top,_#e0e7ff,_#f8fafc_60%)] px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-6 flex justify-center">
          <Logo />
        </div>
        <section className="card p-6" aria-labelledby="reminders-heading">
          {target.unsubscribed ? (
            <div role="status">
              <h1 id="reminders-heading" className="mb-2 flex items-center gap-2 text-lg font-semibold text-ink">
                <BellOff className="size-5 text-slate-500" aria-hidden /> {capitalize(channel.name)} reminders are off
              </h1>
              <p className="text-sm text-slate-600">
                Keyledger will no longer remind {target.person.name} ({target.person.email}) {channel.via} about rotation tasks. The tasks
                stay on the rotation calendar, and an approver still hears when one is long overdue.
              </p>
              <form method="post" action={action} className="mt-5 flex flex-wrap items-center gap-3">
                <input type="hidden" name="action" value="resubscribe" />
                <button type="submit" className="btn">
                  <BellRing className="size-4" aria-hidden /> Turn {channel.name} reminders back on
                </button>
                <Link href="/rotation" className="text-sm font-medium text-brand-700 hover:underline">
                  Open the rotation calendar
                </Link>
              </form>
            </div>
          ) : (
            <>
              <h1 id="reminders-heading" className="mb-2 text-lg font-semibold text-ink">
                Stop {channel.name} reminders?
              </h1>
              <p className="text-sm text-slate-600">
                Keyledger {channel.sends} {target.person.name} ({target.person.email}) when a rotation they own is 14, 7 or 1 day away, and every 3
                days while one is overdue.
              </p>
              <form method="post" action={action} className="mt-5">
                <input type="hidden" name="action" value="unsubscribe" />
                <button type="submit" className="btn-primary">
                  <BellOff className="size-4" aria-hidden /> Stop {channel.name} reminders
                </button>
              </form>
            </>
          )}
          <p className="mt-5 border-t border-slate-100 pt-4 text-xs text-slate-500">
            Signed-in owners can change both channels on their profile page in Keyledger.
          </p>
        </section>
      </div>
    </main>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
