import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInOptions } from "@/components/auth/sign-in-options";
import { Logo } from "@/components/ui/logo";
import { providerSummaries } from "@/lib/auth/providers";
import { getSessionActor } from "@/lib/auth/session";
import { listDemoPersonas } from "@/lib/data/people/list-demo-personas";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "That account is not in Keyledger's registry, or it has been offboarded. Ask an admin to add you.",
  CredentialsSignin: "That demo persona is not in the registry.",
  OAuthSignin: "Could not reach the identity provider. Try again, or ask an admin to check the OIDC settings.",
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
};

type Props = { searchParams: Promise<{ error?: string; callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { error, callbackUrl } = await searchParams;
  if (await getSessionActor()) redirect(safeCallback(callbackUrl));
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
            {ERRORS[error] ?? `Sign-in failed (${error}).`}
          </p>
        )}
        <SignInOptions
          providers={providers.filter((p) => p.id !== "demo")}
          personas={personas}
          callbackUrl={safeCallback(callbackUrl)}
        />
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

/** Only same-site paths: an open redirect after sign-in is a phishing tool. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}
