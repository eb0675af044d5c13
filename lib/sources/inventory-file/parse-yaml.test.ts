import { describe, expect, it } from "vitest";
import { formatProblem } from "@/lib/sources/inventory-file/problems";
import { readInventory } from "@/lib/sources/inventory-file/read-inventory";

const read = (text: string) => readInventory({ text, format: "yaml", file: "inventory.yaml" });

describe("reading a YAML inventory", () => {
  it("reads a list of mappings with the CSV's keys; lists or ;-text for consumers and locations", () => {
    const { rows, problems, columns } = read(`# The top-20 list
- name: Stripe account owner login
  environment: prod
  tier: 1
  Incident Commander: sam@lumenpay.example
  ttl: 1h
  consumers: [payments-api, "GitHub Actions: api deploy"]
  locations:
    - "saas_tool: 1Password · Founders vault"
    - laptop: MacBook of Dana <dana@lumenpay.example>!
  description: |
    Owner of the account.
    MFA on Maya's phone.
- name: "1.10"
  tier: unknown
  provider: ~
  kind: null
  description: "null"
  consumers: payments-api; web-app
`);
    expect(problems).toEqual([]);
    expect(columns).toEqual(["name", "environment", "tier", "kind", "provider", "ttl", "incident_commander", "consumers", "locations", "description"]);
    expect(rows[0]).toMatchObject({
      line: 2,
      name: "Stripe account owner login",
      fields: { environment: "prod", tier: 1, ttlSeconds: 3600, description: "Owner of the account.\nMFA on Maya's phone." },
      roles: { incident_commander: "sam@lumenpay.example" },
      consumers: ["payments-api", "GitHub Actions: api deploy"],
      locations: [
        { kind: "saas_tool", place: "1Password · Founders vault", sanctioned: true, personEmail: null },
        { kind: "laptop", place: "MacBook of Dana", sanctioned: false, personEmail: "dana@lumenpay.example" },
      ],
    });
    // Every scalar stays the text it was written as; only a bare ~ or null is unknown.
    expect(rows[1]).toMatchObject({ line: 14, name: "1.10", fields: { tier: null, provider: null, kind: null, description: "null" }, consumers: ["payments-api", "web-app"] });
  });

  it("names type errors, unknown keys and bad values with their line and column", () => {
    const { problems } = read(`- name: A
  tier: [1, 2]
  owner: dana@x.example
- name: B
  environment: live
  consumers: {a: b}
- just a string
- tier: 2
`);
    expect(problems.map(formatProblem)).toEqual([
      "inventory.yaml, line 2, column 9 (tier): must be a single value, not a list",
      "inventory.yaml, line 3, column 3 (owner): unknown key \"owner\"; the keys are: name, environment, tier, kind, provider, privilege, lifetime, ttl, creator, operator, approver, incident_commander, consumers, revoke_path, locations, description",
      'inventory.yaml, line 5, column 16 (environment): "live" is not an environment: write prod (Production), staging, dev (Development) or unknown',
      "inventory.yaml, line 6, column 14 (consumers): must be a single value, not a mapping",
      "inventory.yaml, line 7, column 3: each item must be a mapping of column: value (e.g.\n- name: Office Wi-Fi passphrase\n  tier: 4)",
      "inventory.yaml, line 8 (name): this item has no name: every secret needs one",
    ]);
  });

  it("reports YAML syntax errors and duplicate keys with their position", () => {
    const broken = read("- name: A\n  tier: [1\n- name: B\n");
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0]?.line).toBeGreaterThanOrEqual(2);
    const twice = read("- name: A\n  tier: 1\n  tier: 2\n");
    expect(twice.problems).toMatchObject([{ line: 3, message: "Map keys must be unique" }]);
    const sameColumn = read("- name: A\n  incident_commander: unknown\n  incident commander: unknown\n");
    expect(sameColumn.problems).toMatchObject([{ line: 3, column: 3, message: "incident_commander is given twice in this item (also on line 2)" }]);
  });

  it("wants a list at the top, and no aliases", () => {
    expect(read("name: A\ntier: 1\n").problems.map((p) => p.message)).toEqual([
      'the file must be a list of secrets, one "- name: ..." item each (e.g.\n- name: Office Wi-Fi passphrase\n  tier: 4)',
    ]);
    expect(read("- name: &n A\n  provider: *n\n").problems).toMatchObject([{ line: 2, field: "provider", message: "aliases (*name) are not supported: write the value out" }]);
    expect(read("[]\n")).toMatchObject({ rows: [], problems: [] });
    expect(read("# nothing yet\n").problems).toHaveLength(1);
  });

  it("names both lines of a duplicate name", () => {
    const { problems } = read("- name: A\n- name: B\n- name: a\n");
    expect(problems).toMatchObject([{ line: 3, column: 9, field: "name", message: '"a" is on line 1 and line 3: each secret appears once (names are compared without regard to case)' }]);
  });
});
