import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInOptions } from "@/components/auth/sign-in-options";
import { Logo } from "@/components/ui/logo";
import { providerSummaries } from "@/lib/auth/providers";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { getSessionActor } from "@/lib/auth/session";
import { listDemoPersonas } from "@/lib/data/people/list-demo-personas";
import { publicBaseUrl } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "That account is not in Keyledger's registry, or it has been offboarded. Ask an admin to add you.",
  CredentialsSignin: "Demo sign-in is only for the demo personas listed here.",
  OAuthSignin: "Could not reach the identity provider. Try again, or ask an admin to check the OIDC settings.",
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
};

type Props = { searchParams: Promise<{ error?: string | string[]; callbackUrl?: string | string[]; retryAfter?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const [error, retryAfter] = [first(params.error), first(params.retryAfter)];
  // Only a path on Keyledger itself, however the callbackUrl is dressed up (lib/auth/safe-callback.ts).
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), publicBaseUrl());
  if (await getSessionActor()) redirect(callbackUrl);
  const providers = providerSummaries();
  const demo = providers.some((p) => p.id === "demo");
  const personas = demo ? await listDemoPersonas() : [];

  return (
    <main className="flex min-h-screen items-center justify-center bg-[radial-gradient(ellipse_at_top,_#e0e7ff,_#f8fafc_60%)] px-4 py-12">
      <div className="w-full max-w-2xl">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Logo />
          <h1 className="text-2xl font-semibold tracking-tight text-ink">Sign in to Keyledger</h1>
          <p className="max-w-md text-sm text-slate-500">Who owns every secret, where it lives, what breaks if it leaks — and the evidence to prove it.</p>
        </div>
        {error && (
          <p role="alert" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
            {error === "RateLimited" ? rateLimitedMessage(retryAfter) : (ERRORS[error] ?? `Sign-in failed (${error}).`)}
          </p>
        )}
        <SignInOptions providers={providers.filter((p) => p.id !== "demo")} personas={personas} callbackUrl={callbackUrl} />
        {providers.length === 0 && (
          <p className="card p-6 text-sm text-slate-600">
            No sign-in method is configured. Set <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and <code>OIDC_CLIENT_SECRET</code> (or the GitHub
            pair) and restart.
          </p>
        )}
      </div>
    </main>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The rate limit's refusal, saying when to try again (the wait comes from the server's Retry-After). */
function rateLimitedMessage(retryAfter: string | undefined): string {
  const seconds = Math.min(Math.max(Number.parseInt(retryAfter ?? "", 10) || 60, 1), 24 * 60 * 60);
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? "in a minute" : `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `Too many sign-in attempts from this address or for this account. For your safety, sign-in is paused: try again ${wait}.`;
}
