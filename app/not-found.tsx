import Link from "next/link";
import { SearchX } from "lucide-react";

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-3 text-center">
      <SearchX className="size-10 text-slate-400" aria-hidden />
      <h1 className="text-xl font-semibold text-ink">Not found</h1>
      <p className="max-w-md text-sm text-slate-500">There is nothing here, or nothing you are allowed to see.</p>
      <Link href="/" className="btn mt-2">
        Back to your start page
      </Link>
    </div>
  );
}
