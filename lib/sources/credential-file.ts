// Which files a source may name for a store credential: a regular file inside
// KEYLEDGER_CREDENTIAL_DIR once every symlink is resolved, and never one inside Keyledger's own
// data or program directory (the session-signing key lives there). No directory configured = no files.
import { constants, realpathSync } from "node:fs";
import { open, readlink, realpath, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { SourceReach } from "@/lib/sources/source-reach";

/** No credential is bigger; a larger "credential" is some other file. */
const MAX_CREDENTIAL_BYTES = 64 * 1024;

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** Why a resolved path may not be read, or null. */
function placeRefusal(real: string, shown: string, reach: SourceReach): string | null {
  const own = reach.ownDirs.find(({ dir }) => inside(real, dir));
  if (own) return `${shown} is inside ${own.what}, which is never read as a store credential`;
  if (!reach.credentialDir || !inside(real, reach.credentialDir.real)) {
    return `${shown} resolves to ${real}, outside KEYLEDGER_CREDENTIAL_DIR: credential files are read only from there`;
  }
  return null;
}

/** Why the worker may not read `file` for a store credential, or null when it may. Checked on save and before every read. */
export function fileRefusal(file: string, reach: SourceReach): string | null {
  if (file.includes("\0")) return "must not contain a NUL byte";
  if (reach.credentialDirProblem) return reach.credentialDirProblem;
  if (!reach.credentialDir) {
    return "Keyledger reads no credential files: KEYLEDGER_CREDENTIAL_DIR is not set. Set it to the directory the credentials are mounted in, or name an environment variable instead";
  }
  if (!path.isAbsolute(file)) return `must be an absolute path inside KEYLEDGER_CREDENTIAL_DIR (${reach.credentialDir.configured})`;
  if (file.split(/[\\/]/).includes("..")) return "must not contain a .. segment";
  const { configured, real } = reach.credentialDir;
  const normal = path.normalize(file);
  if (!inside(normal, configured) && !inside(normal, real)) return `${file} is outside KEYLEDGER_CREDENTIAL_DIR (${configured}): credential files are read only from there`;
  let resolved: string;
  try {
    resolved = realpathSync(normal);
  } catch {
    // Not there (yet): nothing to resolve. Reading it later checks again.
    return placeRefusal(path.join(real, path.relative(inside(normal, configured) ? configured : real, normal)), file, reach);
  }
  return placeRefusal(resolved, file, reach);
}

/** The real path of an open file: what was opened, even if a symlink changed after the check. */
async function openedPath(handle: FileHandle, file: string): Promise<string> {
  return readlink(`/proc/self/fd/${handle.fd}`).catch(() => realpath(file));
}

export type FileRead = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a credential file the policy allows: checked before it is opened and, once open, by what was opened. */
export async function readCredentialFile(file: string, reach: SourceReach): Promise<FileRead> {
  const refused = fileRefusal(file, reach);
  if (refused) return { ok: false, reason: refused };
  let handle: FileHandle;
  try {
    // Non-blocking, so a FIFO cannot hold the worker; it is refused below as not a regular file.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "unreadable"})` };
  }
  try {
    const again = placeRefusal(await openedPath(handle, file), file, reach);
    if (again) return { ok: false, reason: again };
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: "is not a regular file" };
    const buffer = Buffer.alloc(MAX_CREDENTIAL_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_CREDENTIAL_BYTES) return { ok: false, reason: `is larger than ${MAX_CREDENTIAL_BYTES / 1024} KiB, which no store credential is` };
    return { ok: true, text: buffer.subarray(0, bytesRead).toString("utf8") };
  } finally {
    await handle.close();
  }
}
