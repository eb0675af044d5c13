// Finds the SOPS files of a local checkout: the configured globs, relative to the repository,
// never outside it (symlinks included), never inside .git or node_modules.
import { glob, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { SourceError } from "@/lib/sources/source-error";
import { malformed } from "@/lib/sources/sops/sops-block";

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const SKIPPED = /(^|[/\\])(\.git|node_modules)$/;

export async function repositoryRoot(repoPath: string): Promise<string> {
  try {
    const root = await realpath(repoPath);
    if ((await stat(root)).isDirectory()) return root;
  } catch {
    // reported below
  }
  throw new SourceError("config", `The repository checkout ${repoPath} does not exist or is not a readable directory on the Keyledger worker.`);
}

/** Repository-relative paths (forward slashes), sorted, each a regular file inside the checkout. */
export async function findSopsFiles(root: string, globs: string[]): Promise<string[]> {
  const found = new Set<string>();
  for await (const match of glob(globs, { cwd: root, exclude: (name: string) => SKIPPED.test(name) })) {
    const real = await realpath(path.join(root, match)).catch(() => null);
    if (!real || (real !== root && !real.startsWith(root + path.sep))) continue;
    if (!(await stat(real)).isFile()) continue;
    found.add(match.split(path.sep).join("/"));
  }
  return [...found].sort();
}

export async function readSopsFileText(root: string, file: string): Promise<string> {
  const full = path.join(root, file);
  const size = (await stat(full)).size;
  if (size > MAX_FILE_BYTES) throw malformed(file, null, `it is ${Math.round(size / 1024)} KiB, larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB Keyledger reads`);
  return readFile(full, "utf8");
}
