import { describe, expect, it } from "vitest";
import { ConfigError, isDemoMode, parseEnv, publicBaseUrl } from "@/lib/env";

describe("environment", () => {
  it("defaults to the embedded database with demo sign-in", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.KEYLEDGER_PG_PORT).toBe(54329);
    expect(env.KEYLEDGER_DATA_DIR).toBe(".data");
    expect(isDemoMode(env)).toBe(true);
  });

  it("turns demo sign-in off against an external database", () => {
    expect(isDemoMode(parseEnv({ DATABASE_URL: "postgres://u:p@db.internal:5432/keyledger" }))).toBe(false);
  });

  it("refuses KEYLEDGER_DEMO=on against an external database, naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/k", KEYLEDGER_DEMO: "on" })).toThrow(/KEYLEDGER_DEMO: demo sign-in .* refused/);
  });

  it("allows an explicit force", () => {
    expect(isDemoMode(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/k", KEYLEDGER_DEMO: "force" }))).toBe(true);
  });

  it("turns demo sign-in off whenever a real provider is configured", () => {
    const oidc = { OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "kl", OIDC_CLIENT_SECRET: "s" };
    const github = { GITHUB_CLIENT_ID: "gh", GITHUB_CLIENT_SECRET: "s" };
    expect(isDemoMode(parseEnv(oidc))).toBe(false);
    expect(isDemoMode(parseEnv({ ...github, KEYLEDGER_EMBEDDED: "1" }))).toBe(false);
  });

  it("refuses KEYLEDGER_DEMO=on or force beside a real provider, in one line", () => {
    for (const demo of ["on", "force"]) {
      expect(() => parseEnv({ GITHUB_CLIENT_ID: "gh", GITHUB_CLIENT_SECRET: "s", KEYLEDGER_DEMO: demo })).toThrow(
        /\n  KEYLEDGER_DEMO: demo sign-in is never offered beside a real sign-in provider \(OIDC or GitHub\)[^\n]*$/,
      );
    }
    expect(isDemoMode(parseEnv({ GITHUB_CLIENT_ID: "gh", GITHUB_CLIENT_SECRET: "s", KEYLEDGER_DEMO: "off" }))).toBe(false);
  });

  it("names each bad variable", () => {
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("PORT:");
      expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    }
  });

  it("asks for the OIDC settings together", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://id.example.com" })).toThrow(
      "OIDC_ISSUER: OIDC needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together",
    );
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("parses ADMIN_EMAILS as a lower-cased list", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Ada@Example.com, bob@example.com ," }).ADMIN_EMAILS).toEqual(["ada@example.com", "bob@example.com"]);
  });

  it("leaves reminder channels off until configured, and asks for a sender with SMTP", () => {
    const none = parseEnv({});
    expect([none.KEYLEDGER_REMINDERS, none.KEYLEDGER_SMTP_URL, none.KEYLEDGER_SLACK_WEBHOOK_URL]).toEqual(["on", undefined, undefined]);
    expect(() => parseEnv({ KEYLEDGER_SMTP_URL: "smtps://u:p@mail.example.com:465" })).toThrow(/KEYLEDGER_MAIL_FROM: e-mail reminders need a sender/);
    const mail = parseEnv({ KEYLEDGER_SMTP_URL: "smtp://mail.example.com:587", KEYLEDGER_MAIL_FROM: "Keyledger <kl@example.com>" });
    expect(mail.KEYLEDGER_MAIL_FROM).toBe("Keyledger <kl@example.com>");
  });

  it("refuses a non-SMTP mail URL and a plain-http Slack webhook, without echoing the value", () => {
    try {
      parseEnv({ KEYLEDGER_SMTP_URL: "https://u:hunter22@mail.example.com", KEYLEDGER_SLACK_WEBHOOK_URL: "http://hooks.slack.com/services/T0/B0/abcdefSECRET" });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("KEYLEDGER_SMTP_URL: must be an smtp:// or smtps:// URL");
      expect(message).toContain("KEYLEDGER_SLACK_WEBHOOK_URL: must use https");
      expect(message).not.toMatch(/hunter22|abcdefSECRET/);
    }
    expect(parseEnv({ KEYLEDGER_SLACK_WEBHOOK_URL: "http://127.0.0.1:9000/hook" }).KEYLEDGER_SLACK_WEBHOOK_URL).toBe("http://127.0.0.1:9000/hook");
  });

  it("builds reminder links from NEXTAUTH_URL, else the local port", () => {
    expect(publicBaseUrl(parseEnv({ NEXTAUTH_URL: "https://kl.example.com/" }))).toBe("https://kl.example.com");
    expect(publicBaseUrl(parseEnv({ PORT: "3100" }))).toBe("http://localhost:3100");
  });

  it("builds links answered to a request from NEXTAUTH_URL, else the request's origin", () => {
    expect(publicBaseUrl(parseEnv({ NEXTAUTH_URL: "https://kl.example.com/" }), "http://10.0.0.5:3000")).toBe("https://kl.example.com");
    expect(publicBaseUrl(parseEnv({ PORT: "3100" }), "https://kl.internal:8443/")).toBe("https://kl.internal:8443");
  });
});
