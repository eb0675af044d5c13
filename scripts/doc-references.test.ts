// The documents point at the code and the code points at the documents; both ends must exist.
// Every repository path the README and docs/*.md name (in `code` or as a relative link) is on disk,
// every #anchor a document links to is one of its headings, and every comment that cites
// "docs/architecture.md, rule N" or `docs/<file>.md, "Section"` names a rule or section the file has.
// Comments never cite documents outside the repository (the old DESIGN/STYLE notes).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anchor } from "@/scripts/sources-doc";

const ROOT = path.dirname(import.meta.dirname);
const DOCS = ["README.md", ...readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const TOP = /^(\.ci|app|bin|components|db|docs|e2e|lib|public|scripts|test|types)\//;
const ROOT_FILES = new Set(["README.md", "package.json", "proxy.ts", "instrumentation.ts", "next.config.ts", "playwright.config.ts", "vitest.config.ts", "drizzle.config.ts", "tsconfig.json"]);

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const headings = (file: string) => [...read(file).matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!.trim());

/** `a/{b,c}.ts` → a/b.ts, a/c.ts (one level, as the docs write it). */
function expand(text: string): string[] {
  const match = /\{([^{}]+)\}/.exec(text);
  if (!match) return [text];
  return match[1]!.split(",").flatMap((part) => expand(text.slice(0, match.index) + part + text.slice(match.index + match[0].length)));
}

/** Whether a repository path exists; for a glob, the folder before its first `*`. */
function exists(file: string): boolean {
  const star = file.indexOf("*");
  const target = star === -1 ? file : file.slice(0, file.lastIndexOf("/", star) + 1);
  return existsSync(path.join(ROOT, target));
}

const isRepoPath = (text: string) => (TOP.test(text) || ROOT_FILES.has(text)) && !/[\s<>…]/.test(text);

function missingPaths(doc: string): string[] {
  const text = read(doc);
  const named = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!).filter(isRepoPath).flatMap(expand);
  const linked = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.split("#")[0]!)
    .filter((target) => target && !/^[a-z]+:/.test(target))
    .map((target) => path.relative(ROOT, path.resolve(ROOT, path.dirname(doc), target)).split(path.sep).join("/"));
  return [...new Set([...named, ...linked])].filter((file) => !exists(file));
}

function brokenAnchors(doc: string): string[] {
  const text = read(doc);
  return [...text.matchAll(/\]\(([^)\s]*)#([^)\s]+)\)/g)].flatMap((m) => {
    const target = m[1] ? path.relative(ROOT, path.resolve(ROOT, path.dirname(doc), m[1])).split(path.sep).join("/") : doc;
    if (!target.endsWith(".md") || !existsSync(path.join(ROOT, target))) return [];
    return headings(target).map(anchor).includes(m[2]!) ? [] : [`${m[1] || doc}#${m[2]}`];
  });
}

function codeFiles(dir = ""): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return ["node_modules", ".next", ".data", ".git"].includes(entry.name) ? [] : codeFiles(rel);
    return /\.(ts|tsx|mjs|sh|css)$/.test(entry.name) ? [rel] : [];
  });
}

describe("the documents and the code point at each other", () => {
  it.each(DOCS)("every repository path %s names exists", (doc) => {
    expect(missingPaths(doc), `${doc} names paths that do not exist`).toEqual([]);
  });

  it.each(DOCS)("every #anchor %s links to is a heading", (doc) => {
    expect(brokenAnchors(doc)).toEqual([]);
  });

  it("every rule and section a code comment cites is in the document it names", () => {
    const rules = headings("docs/architecture.md").map((h) => /^Rule (\d+):/.exec(h)?.[1]).filter(Boolean);
    const problems: string[] = [];
    for (const file of codeFiles()) {
      const text = read(file);
      for (const m of text.matchAll(/docs\/architecture\.md, rules? (\d+)/g)) if (!rules.includes(m[1])) problems.push(`${file}: rule ${m[1]}`);
      for (const m of text.matchAll(/docs\/([\w-]+\.md), "([^"]+)"/g)) {
        const doc = `docs/${m[1]}`;
        if (!existsSync(path.join(ROOT, doc)) || !headings(doc).includes(m[2]!)) problems.push(`${file}: ${doc}, "${m[2]}"`);
      }
      for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)/g)) if (!existsSync(path.join(ROOT, "docs", m[1]!))) problems.push(`${file}: docs/${m[1]}`);
      if (/DESIGN(\.md| rule)|STYLE(\.md| #)|\.\.\/shared\//.test(text)) problems.push(`${file}: cites a document outside the repository`);
    }
    expect(problems).toEqual([]);
  });
});
