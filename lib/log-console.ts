// Next.js and the libraries under it print with console.* — a route's unhandled error, a render error,
// uncaughtException and unhandledRejection (Next's own listeners print those with console.error). In
// the web process all of it goes through the one redacting logger (docs/architecture.md, rule 5;
// docs/security.md); instrumentation.ts installs this when the server starts.
import { formatWithOptions } from "node:util";
import { log, redact } from "@/lib/log";
import { errorText } from "@/lib/log-error";

const LEVEL_OF = { error: "error", warn: "warn", info: "info", log: "info", debug: "debug", trace: "debug" } as const;
const INSTALLED = Symbol.for("keyledger.console-through-log");

type Writer = (chunk: unknown, ...rest: unknown[]) => boolean;
type Global = { [INSTALLED]?: () => void };

/**
 * Routes console.* through the logger and redacts whatever is written to stdout/stderr directly.
 * Idempotent (another bundle's copy of this module finds it installed); returns the undo.
 */
export function routeConsoleThroughLog(): () => void {
  const global = globalThis as Global;
  if (global[INSTALLED]) return global[INSTALLED];
  const consoleBefore = Object.keys(LEVEL_OF).map((method) => [method, Object.getOwnPropertyDescriptor(console, method)] as const);
  for (const [method, level] of Object.entries(LEVEL_OF)) {
    Object.defineProperty(console, method, { configurable: true, writable: true, value: (...args: unknown[]) => log[level](consoleLine(args)) });
  }
  // A line split across two direct writes is the one thing this cannot see; console and the logger write whole lines.
  const streams = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write as unknown as Writer;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write.call(stream, redactedChunk(chunk), ...rest)) as typeof stream.write;
    return () => void (stream.write = write as unknown as typeof stream.write);
  });
  global[INSTALLED] = () => {
    for (const [method, descriptor] of consoleBefore) if (descriptor) Object.defineProperty(console, method, descriptor);
    for (const restore of streams) restore();
    delete global[INSTALLED];
  };
  return global[INSTALLED];
}

/** console.*'s arguments as one line; an Error as errorText() gives it (no SQL, no parameters). */
export function consoleLine(args: unknown[]): string {
  return formatWithOptions({ colors: false, depth: 4 }, ...args.map((arg) => (arg instanceof Error ? errorText(arg) : arg)));
}

function redactedChunk(chunk: unknown): unknown {
  if (typeof chunk === "string") return redact(chunk);
  return chunk instanceof Uint8Array ? redact(Buffer.from(chunk).toString("utf8")) : chunk;
}
