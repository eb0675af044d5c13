import Link from "next/link";
import { ShieldX } from "lucide-react";

export default function Forbidden() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 text-center">
      <ShieldX className="size-10 text-slate-400" aria-hidden />
      <h1 className="text-xl font-semibold text-ink">Your role cannot open this page</h1>
      <p className="max-w-md text-sm text-slate-500">Keyledger shows each role only what it needs. If you should see this, ask an admin to change your role.</p>
      <Link href="/" className="btn mt-2">
        Back to your start page
      </Link>
    </div>
  );
}
