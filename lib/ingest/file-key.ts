// A file's identity for checkpoints: its size and a hash of its first 64 KiB, so the same file
// resumes where it stopped even under another path, and a different file never inherits progress.
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

export async function fileKey(format: string, path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 65_536));
    await handle.read(head, 0, head.length, 0);
    return createHash("sha256").update(`${format}\n${size}\n`).update(head).digest("hex");
  } finally {
    await handle.close();
  }
}
