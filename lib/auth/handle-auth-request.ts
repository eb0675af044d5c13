import "server-only";
// Every next-auth endpoint comes through here: the body is read within a small limit (413 past it),
// and a sign-in attempt — a provider's callback — is claimed against the rate limit first, run with
// what next-auth's callbacks need to know about it, and recorded with how it ended (docs/security.md).
import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { readAuthRequest } from "@/lib/auth/auth-request-body";
import { authOptions } from "@/lib/auth/options";
import { providerSummaries } from "@/lib/auth/providers";
import { rateLimitedResponse } from "@/lib/auth/rate-limited-response";
import { auditRateLimited, auditSignInFailure } from "@/lib/auth/sign-in-audit";
import { runSignInAttempt, type SignInAttempt } from "@/lib/auth/sign-in-context";
import { claimSignInAttempt } from "@/lib/data/auth/claim-sign-in-attempt";
import { finishSignInAttempt } from "@/lib/data/auth/finish-sign-in-attempt";
import { clientAddress } from "@/lib/http/client-address";
import { AppError } from "@/lib/errors";
import { toProblem } from "@/lib/http/problem";

export type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

export async function handleAuthRequest(incoming: NextRequest, context: AuthRouteContext): Promise<Response> {
  const meta = { instance: incoming.nextUrl.pathname, requestId: randomUUID() };
  let limited;
  try {
    limited = await readAuthRequest(incoming);
  } catch (error) {
    return toProblem(error, meta);
  }
  const { request, form } = limited;
  const nextAuth = () => NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
  const [action, provider] = (await context.params).nextauth ?? [];
  const known = providerSummaries().some((p) => p.id === provider);
  // e.g. the demo's callback on a server with single sign-on: next-auth would answer 400 in plain text.
  if ((action === "callback" || action === "signin") && provider && !known) {
    return toProblem(new AppError("not_found", `No sign-in provider "${provider}" is configured here`, [{ field: "provider", message: "not configured" }]), meta);
  }
  if (action !== "callback" || !provider) return nextAuth();

  const who = {
    provider,
    address: clientAddress(request.headers),
    userAgent: request.headers.get("user-agent"),
    // The demo form names its account up front; OIDC and GitHub name it once the provider has answered.
    account: provider === "demo" ? form.get("email")?.trim().toLowerCase() || null : null,
  };
  const wantsJson = form.get("json") === "true";
  const verdict = await claimSignInAttempt(who);
  if (!verdict.allowed) {
    await auditRateLimited(who, verdict);
    return rateLimitedResponse(verdict, { wantsJson, navigation: request.method === "GET", ...meta });
  }
  const attempt: SignInAttempt = { ...who, attemptId: verdict.attemptId, succeeded: false };
  const response = await runSignInAttempt(attempt, nextAuth);
  if (attempt.refused) return rateLimitedResponse(attempt.refused, { wantsJson, navigation: request.method === "GET", ...meta });
  await finishSignInAttempt({ attemptId: attempt.attemptId, succeeded: attempt.succeeded });
  if (!attempt.succeeded) await auditSignInFailure(attempt);
  return response;
}
