import { describe, expect, it } from "vitest";
import { ConfigError, isDemoMode, parseEnv } from "@/lib/env";

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
});
