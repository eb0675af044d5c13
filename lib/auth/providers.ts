import "server-only";
// Sign-in providers come from configuration: generic OIDC (Okta, Google Workspace, Entra ID,
// Keycloak…), GitHub, and — in demo mode only, never beside those — a picker of the demo personas.
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { env, isDemoMode } from "@/lib/env";
import { authorizeDemoPersona } from "@/lib/auth/demo-sign-in";

export type ProviderSummary = { id: string; name: string };
type OidcClaims = { sub: string; email?: string; name?: string; preferred_username?: string };

async function fetchUserinfo(issuer: string, accessToken: string): Promise<Partial<OidcClaims>> {
  const discovery = (await (await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`)).json()) as { userinfo_endpoint?: string };
  if (!discovery.userinfo_endpoint) return {};
  const response = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
  return response.ok ? ((await response.json()) as Partial<OidcClaims>) : {};
}

export function configuredProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      // Some providers leave scope claims (email, name) out of the ID token once an access token
      // is issued; they are always at the userinfo endpoint, so ask there when the token lacks them.
      async profile(claims: OidcClaims, tokens: { access_token?: string }) {
        const profile = claims.email || !tokens.access_token ? claims : { ...claims, ...(await fetchUserinfo(e.OIDC_ISSUER!, tokens.access_token)) };
        return {
          id: profile.sub,
          email: profile.email ?? null,
          name: profile.name ?? profile.preferred_username ?? profile.email ?? profile.sub,
        };
      },
    });
  }
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }));
  }
  if (isDemoMode(e)) {
    providers.push(
      CredentialsProvider({
        id: "demo",
        name: "Demo persona",
        credentials: { email: { label: "E-mail", type: "email" } },
        // Only the personas the demo seed created, never another registry person (lib/auth/demo-sign-in.ts).
        authorize: (credentials) => authorizeDemoPersona({ email: credentials?.email }),
      }),
    );
  }
  return providers;
}

export function providerSummaries(): ProviderSummary[] {
  // next-auth keeps a provider's own id and name under `options` until it merges them at runtime.
  return configuredProviders().map((p) => {
    const own = (p as { options?: Partial<ProviderSummary> }).options;
    return { id: own?.id ?? p.id, name: own?.name ?? p.name };
  });
}
