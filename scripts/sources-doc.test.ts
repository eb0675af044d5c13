// docs/sources.md is generated; this fails when someone changed a store's policy, connector or
// example (or the file by hand) without running `npm run docs:sources`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONNECTORS } from "@/lib/sources/registry";
import { renderSourcesDoc, SOURCES_DOC } from "@/scripts/sources-doc";

describe("docs/sources.md", () => {
  it("is exactly what `npm run docs:sources` writes", async () => {
    expect(readFileSync(SOURCES_DOC, "utf8"), "docs/sources.md is stale: run `npm run docs:sources` and commit the result").toBe(await renderSourcesDoc());
  });

  it("has a section with a policy for every connector", async () => {
    const text = await renderSourcesDoc();
    for (const connector of Object.values(CONNECTORS)) {
      expect(text).toContain(`## ${connector!.label}\n`);
    }
    expect(text.match(/^### /gm)).toHaveLength(Object.keys(CONNECTORS).length);
  });

  it("does not depend on what this machine's operator allows", async () => {
    const first = await renderSourcesDoc();
    process.env.KEYLEDGER_CREDENTIAL_ENV = "NOTHING_ELSE";
    try {
      expect(await renderSourcesDoc()).toBe(first);
      expect(process.env.KEYLEDGER_CREDENTIAL_ENV).toBe("NOTHING_ELSE");
    } finally {
      delete process.env.KEYLEDGER_CREDENTIAL_ENV;
    }
  });
});
