import { describe, expect, it } from "vitest";
import { formatProblem } from "@/lib/sources/inventory-file/problems";
import { readInventory } from "@/lib/sources/inventory-file/read-inventory";

const HEADER = "name,environment,tier,kind,provider,privilege,lifetime,ttl,creator,operator,approver,incident_commander,consumers,revoke_path,locations,description";
const read = (...rows: string[]) => readInventory({ text: [HEADER, ...rows].join("\n"), format: "csv", file: "top-20.csv" });

describe("validating inventory rows", () => {
  it("turns a full row into fields, roles, consumers and locations", () => {
    const { rows, problems } = read(
      'Twilio auth token,Prod,2,API key,twilio,admin,Short-lived,7d,Chloe@LumenPay.example,unknown,,unknown,notifications-service; notifications-service; web-app,Rotate in the console,"chat: #eng-growth (unsanctioned); saas-tool: 1Password · Eng vault",Used for SMS',
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      name: "Twilio auth token",
      fields: { environment: "prod", tier: 2, kind: "api_key", provider: "twilio", privilege: "admin", lifetime: "short_lived", ttlSeconds: 604_800, revokePath: "Rotate in the console", description: "Used for SMS" },
      roles: { creator: "chloe@lumenpay.example", operator: null, approver: null, incident_commander: null },
      consumers: ["notifications-service", "web-app"],
      locations: [
        { kind: "chat", place: "#eng-growth", sanctioned: false, personEmail: null },
        { kind: "saas_tool", place: "1Password · Eng vault", sanctioned: true, personEmail: null },
      ],
    });
  });

  it("treats unknown (any case) and empty cells as unknown everywhere", () => {
    const { rows, problems } = read("A,UNKNOWN,unknown,Unknown,,unknown,unknown,unknown,unknown,,unknown,unknown,unknown,unknown,unknown,unknown");
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      fields: { environment: null, tier: null, kind: null, provider: null, privilege: null, lifetime: null, ttlSeconds: null, revokePath: null, description: null },
      roles: { creator: null, operator: null, approver: null, incident_commander: null },
      consumers: [],
      locations: [],
    });
  });

  it("accepts every enumerated value as the UI labels it, in any case (Production, Tier 1, Short-lived, Secret store)", () => {
    const { rows, problems } = read(
      'A,Production,Tier 1,Database credential,x,ADMIN,Short-lived,,,,,,,,"Secret store: vault kv/app; CI variable: GitHub Actions",',
      "B,development,tier 4,api key,x,Read,STATIC,,,,,,,,,",
      "C,PROD,2,OAuth Client,x,write,short_lived,,,,,,,,,",
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.fields)).toMatchObject([
      { environment: "prod", tier: 1, kind: "database_credential", privilege: "admin", lifetime: "short_lived" },
      { environment: "dev", tier: 4, kind: "api_key", privilege: "read", lifetime: "static" },
      { environment: "prod", tier: 2, kind: "oauth_client", privilege: "write", lifetime: "short_lived" },
    ]);
    expect(rows[0]?.locations?.map((l) => l.kind)).toEqual(["store", "ci_variable"]);
  });

  it("collects every bad value of every row, each at its cell", () => {
    const { problems } = read(
      "A,live,5,apikey,x,root,forever,soon,dana,unknown,unknown,unknown,unknown,unknown,1Password,unknown",
      "unknown,dev,0,password,x,read,static,0,unknown,unknown,unknown,unknown,unknown,unknown,vault: kv/app,unknown",
    );
    expect(problems.map(formatProblem)).toEqual([
      'top-20.csv, line 2, column 2 (environment): "live" is not an environment: write prod (Production), staging, dev (Development) or unknown',
      'top-20.csv, line 2, column 3 (tier): "5" is not a tier: write 1, 2, 3, 4 (or Tier 1…Tier 4) or unknown',
      'top-20.csv, line 2, column 4 (kind): "apikey" is not a kind: write api_key, database_credential, oauth_client, signing_key, access_token, webhook_secret, certificate, ssh_key, password, encryption_key or unknown',
      'top-20.csv, line 2, column 6 (privilege): "root" is not a privilege: write admin, write, read or unknown',
      'top-20.csv, line 2, column 7 (lifetime): "forever" is not a lifetime: write static, short_lived or unknown',
      'top-20.csv, line 2, column 8 (ttl): "soon" is not a duration: write seconds (900) or a number with s, m, h or d (15m, 1h, 7d)',
      'top-20.csv, line 2, column 9 (creator): "dana" is not an e-mail address: name people by e-mail, or write unknown',
      expect.stringMatching(/^top-20\.csv, line 2, column 15 \(locations\): "1Password" has no kind: write kind: place/),
      "top-20.csv, line 3, column 1 (name): every secret needs a name (unknown is not a name)",
      'top-20.csv, line 3, column 3 (tier): "0" is not a tier: write 1, 2, 3, 4 (or Tier 1…Tier 4) or unknown',
      'top-20.csv, line 3, column 8 (ttl): "0" is not a duration: a TTL is longer than 0',
      expect.stringMatching(/^top-20\.csv, line 3, column 15 \(locations\): "vault: kv\/app" has an unknown location kind "vault"/),
    ]);
  });

  it("reads TTLs in seconds, minutes, hours and days", () => {
    const ttl = (value: string) => readInventory({ text: `name,ttl\nA,${value}`, format: "csv", file: "f.csv" });
    expect(["900", "15m", "15 M", "1h", "7d", "90s"].map((v) => ttl(v).rows[0]?.fields.ttlSeconds)).toEqual([900, 900, 900, 3600, 604_800, 90]);
    expect(ttl("1.5h").problems).toHaveLength(1);
    expect(ttl("99999999999").problems[0]?.message).toContain("too long");
  });

  it("refuses one location listed twice with different facts", () => {
    const { problems } = readInventory({ text: 'name,locations\nA,"chat: #eng; chat: #eng!"', format: "csv", file: "f.csv" });
    expect(problems).toMatchObject([{ line: 2, column: 2, field: "locations", message: "chat: #eng is listed twice, differently" }]);
  });
});
