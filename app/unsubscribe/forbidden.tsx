import Link from "next/link";
import { LinkIcon } from "lucide-react";

/** A reminder link that does not verify (cut off by a mail program, or changed): 403, nothing changed. */
export default function InvalidUnsubscribeLink() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <LinkIcon className="size-10 text-slate-400" aria-hidden />
      <h1 className="text-xl font-semibold text-ink">This unsubscribe link is not valid</h1>
      <p className="max-w-md text-sm text-slate-500">
        Nothing was changed. Your mail program may have cut the link short: copy the whole link from the reminder, or sign in and change your reminders on your
        profile page.
      </p>
      <Link href="/sign-in" className="btn mt-2">
        Sign in to Keyledger
      </Link>
    </main>
  );
}
