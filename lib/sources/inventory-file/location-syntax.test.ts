import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "@/lib/sources/inventory-file/duration";
import { joinList, splitList } from "@/lib/sources/inventory-file/list-syntax";
import { formatLocation, parseLocation } from "@/lib/sources/inventory-file/location-syntax";
import type { DeclaredLocation } from "@/lib/sources/inventory-file/format";

const parsed = (entry: string) => {
  const result = parseLocation(entry);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe("the location mini-syntax", () => {
  it("reads kind: place, a person in <>, and the unsanctioned markers", () => {
    expect(parsed("saas_tool: 1Password · Founders vault")).toEqual({ kind: "saas_tool", place: "1Password · Founders vault", sanctioned: true, personEmail: null });
    expect(parsed("laptop:MacBook of Dana (dana@x.example)!")).toEqual({ kind: "laptop", place: "MacBook of Dana (dana@x.example)", sanctioned: false, personEmail: null });
    expect(parsed("Laptop: MacBook of Dana <Dana@X.example> (unsanctioned)")).toEqual({ kind: "laptop", place: "MacBook of Dana", sanctioned: false, personEmail: "dana@x.example" });
    expect(parsed("repo-file: acme/api:.env.production")).toMatchObject({ kind: "repo_file", place: "acme/api:.env.production" });
    expect(parsed("chat: #eng (sanctioned)")).toMatchObject({ place: "#eng", sanctioned: true });
  });

  it("explains what is wrong", () => {
    const message = (entry: string) => {
      const result = parseLocation(entry);
      return result.ok ? null : result.message;
    };
    expect(message("1Password")).toMatch(/^"1Password" has no kind: write kind: place/);
    expect(message("drawer: desk")).toMatch(/has an unknown location kind "drawer"/);
    expect(message("chat:  !")).toMatch(/has no place after "chat:"/);
    expect(message("laptop: Mac <dana>")).toMatch(/names a person as <dana>, which is not an e-mail address/);
  });

  it("writes every location so that it reads back the same, even places that look like markers", () => {
    const cases: DeclaredLocation[] = [
      { kind: "chat", place: "#yay!", sanctioned: true, personEmail: null },
      { kind: "chat", place: "#yay!", sanctioned: false, personEmail: null },
      { kind: "backup", place: "Safe (unsanctioned)", sanctioned: true, personEmail: null },
      { kind: "laptop", place: "MacBook <dana@x.example>", sanctioned: true, personEmail: null },
      { kind: "laptop", place: "MacBook of Dana", sanctioned: false, personEmail: "dana@x.example" },
      { kind: "store", place: "kv/app: prod", sanctioned: true, personEmail: null },
    ];
    for (const location of cases) expect(parsed(formatLocation(location))).toEqual(location);
    expect(formatLocation(cases[4]!)).toBe("laptop: MacBook of Dana <dana@x.example> (unsanctioned)");
  });
});

describe("lists in a cell", () => {
  it("splits on ; and keeps an escaped \\;", () => {
    expect(splitList(" a ;b;; c\\;d ;")).toEqual(["a", "b", "c;d"]);
    expect(splitList(joinList(["x;y", "z"]))).toEqual(["x;y", "z"]);
    expect(joinList(["a", "b"])).toBe("a; b");
  });
});

describe("durations", () => {
  it("writes the largest exact unit and reads it back", () => {
    expect([45, 900, 3600, 5400, 86_400, 604_800].map(formatDuration)).toEqual(["45s", "15m", "1h", "90m", "1d", "7d"]);
    for (const seconds of [1, 59, 61, 7200, 172_800]) expect(parseDuration(formatDuration(seconds))).toEqual({ ok: true, value: seconds });
  });
});
