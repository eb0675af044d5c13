// Builds one JSON value from stream-json tokens (keys, strings and numbers streamed in chunks),
// counting its size as it goes: past the limit it stops keeping anything and only follows the
// nesting to know where the value ends, so one huge record never has to fit in memory.
// Shared by the JSON audit-log parsers.
import type { Token } from "stream-json/core/parser.js";

type Frame = { kind: "object"; value: Record<string, unknown>; key: string | null } | { kind: "array"; value: unknown[] };

export class ValueAssembler {
  /** Open containers inside this value. */
  depth = 0;
  done = false;
  oversize = false;
  tainted = false;
  /** The key just read directly inside the outermost object (depth 1), until its value starts. */
  pendingTopKey: string | null = null;
  private root: unknown = undefined;
  private size = 0;
  private stack: Frame[] = [];
  private parts: string[] = [];

  constructor(private readonly limit: number) {}

  get value(): unknown {
    return this.root;
  }

  /** Forget the pending key of the outermost object (its value is taken over by the caller). */
  dropPendingTopKey(): void {
    const top = this.stack[0];
    if (top?.kind === "object") top.key = null;
    this.pendingTopKey = null;
  }

  feed(token: Token): void {
    this.grow("value" in token && typeof token.value === "string" ? token.value.length + 1 : 1);
    switch (token.name) {
      case "startObject":
        this.open({ kind: "object", value: {}, key: null });
        return;
      case "startArray":
        this.open({ kind: "array", value: [] });
        return;
      case "endObject":
      case "endArray":
        this.close();
        return;
      case "startKey":
      case "startString":
      case "startNumber":
        this.parts = [];
        return;
      case "stringChunk":
      case "numberChunk":
        if (!this.oversize) this.parts.push(token.value);
        return;
      case "endKey": {
        const key = this.parts.join("");
        this.parts = [];
        const top = this.stack.at(-1);
        if (top?.kind === "object") top.key = key;
        if (this.depth === 1) this.pendingTopKey = key;
        return;
      }
      case "endString":
        this.scalar(this.parts.join(""));
        return;
      case "endNumber":
        this.scalar(Number(this.parts.join("")));
        return;
      case "nullValue":
        this.scalar(null);
        return;
      case "trueValue":
        this.scalar(true);
        return;
      case "falseValue":
        this.scalar(false);
        return;
      default:
        return; // packed duplicates and whitespace are never requested from the parser
    }
  }

  private grow(by: number): void {
    this.size += by;
    if (this.oversize || this.size <= this.limit) return;
    this.oversize = true;
    this.root = undefined;
    this.stack = [];
    this.parts = [];
  }

  private open(frame: Frame): void {
    if (this.depth === 1) this.pendingTopKey = null;
    this.depth++;
    if (this.oversize) return;
    this.attach(frame.value);
    this.stack.push(frame);
  }

  private close(): void {
    this.depth--;
    if (!this.oversize) this.stack.pop();
    if (this.depth === 0) this.done = true;
  }

  private scalar(value: unknown): void {
    this.parts = [];
    if (this.depth === 1) this.pendingTopKey = null;
    if (!this.oversize) this.attach(value);
    if (this.depth === 0) this.done = true;
  }

  private attach(value: unknown): void {
    const parent = this.stack.at(-1);
    if (!parent) {
      this.root = value;
      return;
    }
    if (parent.kind === "array") {
      parent.value.push(value);
      return;
    }
    if (parent.key === null) return;
    // Like JSON.parse: "__proto__" becomes an own property, never the prototype.
    Object.defineProperty(parent.value, parent.key, { value, enumerable: true, writable: true, configurable: true });
    parent.key = null;
  }
}
