// `npm run docs:sources`: writes docs/sources.md from lib/sources (scripts/sources-doc.ts). Run it
// after changing a store's policy, connector or example; scripts/sources-doc.test.ts fails until then.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderSourcesDoc, SOURCES_DOC } from "@/scripts/sources-doc";

const text = await renderSourcesDoc();
const before = (() => {
  try {
    return readFileSync(SOURCES_DOC, "utf8");
  } catch {
    return null;
  }
})();
writeFileSync(SOURCES_DOC, text);
console.log(`${path.relative(process.cwd(), SOURCES_DOC)}: ${before === text ? "already up to date" : "written"}.`);
