import { describe, expect, it } from "vitest";
import { formatProblem } from "@/lib/sources/inventory-file/problems";
import { detectSeparator } from "@/lib/sources/inventory-file/parse-csv";
import { readInventory } from "@/lib/sources/inventory-file/read-inventory";

const read = (text: string) => readInventory({ text, format: "csv", file: "inventory.csv" });
const lines = (...rows: string[]) => rows.join("\n");

describe("reading a CSV inventory", () => {
  it("reads a plain file into rows, unknown and empty cells as null", () => {
    const { rows, problems, columns } = read(lines("name,environment,tier,kind,provider", "Stripe owner login,prod,1,password,stripe", "Wi-Fi,unknown,,Password,"));
    expect(problems).toEqual([]);
    expect(columns).toEqual(["name", "environment", "tier", "kind", "provider"]);
    expect(rows.map((r) => [r.line, r.name, r.fields])).toEqual([
      [2, "Stripe owner login", { environment: "prod", tier: 1, kind: "password", provider: "stripe" }],
      [3, "Wi-Fi", { environment: null, tier: null, kind: "password", provider: null }],
    ]);
  });

  it("drops a UTF-8 byte order mark and reads CRLF line ends", () => {
    const { rows, problems } = read("\uFEFFname,tier\r\nA,1\r\nB,2\r\n");
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.name, r.fields.tier])).toEqual([[2, "A", 1], [3, "B", 2]]);
  });

  it("detects ; and tab separators from the header line", () => {
    expect(detectSeparator("name;tier;description")).toBe(";");
    expect(detectSeparator("name\ttier")).toBe("\t");
    expect(detectSeparator("name")).toBe(",");
    const semicolons = read(lines("Name;Tier;Description", 'A;1;"one, two; three"'));
    expect(semicolons.problems).toEqual([]);
    expect(semicolons.rows[0]?.fields).toEqual({ tier: 1, description: "one, two; three" });
    const tabs = read(lines("name\ttier\tprovider", "A, with a comma\t3\tacme"));
    expect(tabs.problems).toEqual([]);
    expect(tabs.rows[0]).toMatchObject({ name: "A, with a comma", fields: { tier: 3, provider: "acme" } });
  });

  it("accepts header names in any case and with spaces or hyphens", () => {
    const { columns, problems } = read(lines("NAME,Incident Commander,revoke-path,TTL", "A,unknown,unknown,15m"));
    expect(problems).toEqual([]);
    expect(columns).toEqual(["name", "incident_commander", "revoke_path", "ttl"]);
  });

  it("keeps quoted newlines and doubled quotes, and the line numbers of the original file", () => {
    const text = lines(
      "name,description,tier",
      'A,"first line',
      'second ""quoted"" line",1',
      "",
      'B,"x",7',
      'C,"three',
      "",
      'lines",nine',
    );
    const { rows, problems } = read(text);
    expect(rows[0]).toMatchObject({ line: 2, fields: { description: 'first line\nsecond "quoted" line', tier: 1 } });
    expect(rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [5, 3, "tier"],
      [8, 3, "tier"], // the field starts on line 8, the record on line 6
    ]);
  });

  it("names an unknown column, its number, and the valid columns; a missing name column is a problem", () => {
    const { problems } = read(lines("tier,owner,environment", "1,dana@x.example,prod"));
    expect(problems.map(formatProblem)).toEqual([
      'inventory.csv, line 1: there is no name column: the header needs at least "name" (the columns are: name, environment, tier, kind, provider, privilege, lifetime, ttl, creator, operator, approver, incident_commander, consumers, revoke_path, locations, description)',
      'inventory.csv, line 1, column 2 (owner): unknown column "owner"; the columns are: name, environment, tier, kind, provider, privilege, lifetime, ttl, creator, operator, approver, incident_commander, consumers, revoke_path, locations, description',
    ]);
  });

  it("refuses a column given twice", () => {
    const { problems } = read(lines("name,tier,Tier", "A,1,2"));
    expect(problems).toMatchObject([{ line: 1, column: 3, field: "tier", message: "column tier appears twice (columns 2 and 3)" }]);
  });

  it("names both lines of a duplicate secret name", () => {
    const { problems } = read(lines("name,tier", "Stripe key,1", "Other,2", "stripe KEY ,3"));
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toBe(
      'inventory.csv, line 4, column 1 (name): "stripe KEY" is on line 2 and line 4: each secret appears once (names are compared without regard to case)',
    );
  });

  it("reports a ragged row with its line, and keeps checking the rest", () => {
    const { problems } = read(lines("name,tier,provider", "A,1,acme", "B,2,acme,extra", "C,3", "D,9,acme"));
    expect(problems.map((p) => [p.line, p.field])).toEqual([[3, undefined], [4, undefined], [5, "tier"]]);
    expect(problems[0]?.message).toBe("this row has 4 fields but the header has 3 (comma-separated): a value that contains the separator must be in quotes");
  });

  it("ignores blank lines and rows of empty cells, and blank header columns when they stay empty", () => {
    const { rows, problems } = read(lines("name,tier,,", "A,1,,", "", ",,,", "B,2,,oops"));
    expect(rows.map((r) => r.name)).toEqual(["A", "B"]);
    expect(problems).toMatchObject([{ line: 5, column: 4, message: 'a value in a column that has no name in the header: "oops"' }]);
  });

  it("locates a broken quote and stops there", () => {
    const stray = read(lines("name,description", 'A,MacBook 13" of Dana', "B,fine"));
    expect(stray.problems).toHaveLength(1);
    expect(stray.problems[0]).toMatchObject({ line: 2, column: 2 });
    expect(stray.problems[0]?.message).toContain('put the whole value in quotes and double the inner quote');
    const unclosed = read(lines("name,description", "A,fine", 'B,"never closed', "C,more", "D,more"));
    expect(unclosed.problems).toHaveLength(1);
    expect(unclosed.problems[0]).toMatchObject({ line: 3 });
    expect(unclosed.problems[0]?.message).toContain("never closed");
  });

  it("refuses an empty file and a file over the size limit", () => {
    expect(read("").problems.map(formatProblem)).toEqual([
      "inventory.csv: the file is empty: it needs a header line (name, environment, tier, …) and one line per secret",
    ]);
    expect(read("\uFEFF \n\n").problems).toHaveLength(1);
    const big = readInventory({ text: "name\n" + "x\n".repeat(600), format: "csv", file: "big.csv", maxBytes: 1000 });
    expect(big.problems[0]?.message).toMatch(/^the file is 1,205 bytes; at most 1,000 are read/);
  });

  it("reads back the spreadsheet formula guard", () => {
    const { rows } = read(lines("name,description", "'=cmd,'-- rotate yearly", "'plain,'+1"));
    expect(rows.map((r) => [r.name, r.fields.description])).toEqual([["=cmd", "-- rotate yearly"], ["'plain", "+1"]]);
  });

  it("parses and validates 10,000 rows", () => {
    const header = "name,environment,tier,kind,provider,privilege,lifetime,ttl,operator,consumers,locations,description";
    const body = Array.from(
      { length: 10_000 },
      (_, i) => `secret-${i},${["prod", "staging", "dev"][i % 3]},${(i % 4) + 1},api_key,acme,read,short_lived,15m,op${i % 50}@x.example,svc-${i % 20}; svc-${(i + 1) % 20},"store: vault kv/app/${i}",Row ${i} with a description`,
    );
    const { rows, problems } = read([header, ...body].join("\n"));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toMatchObject({ line: 10_001, name: "secret-9999", fields: { ttlSeconds: 900, tier: 4 } });
  });
});
