// Builds one JSON value from stream-json's streamed tokens, with a size budget: past `maxChars` it
// stops keeping anything (a 10 GB string costs nothing) and only tracks depth until the value ends,
// so the caller can report the record as too large and go on with the next one.
import type { Token } from "stream-json/parser.js";

type Frame = { container: Record<string, unknown> | unknown[]; key: string };

export class ValueBuilder {
  done = false;
  value: unknown = undefined;
  /** The first key of the root object, once read (how a wrapper such as {"Records":…} is recognised). */
  firstKey: string | undefined;
  chars = 0;
  private readonly stack: Frame[] = [];
  private text = "";

  constructor(
    private readonly maxChars: number,
    private readonly keep = true,
  ) {}

  get tooLarge(): boolean {
    return this.chars > this.maxChars;
  }

  private get keeping(): boolean {
    return this.keep && !this.tooLarge;
  }

  push(token: Token): void {
    this.chars += 1;
    switch (token.name) {
      case "startObject":
        return this.open({});
      case "startArray":
        return this.open([]);
      case "endObject":
      case "endArray":
        return this.close();
      case "startKey":
      case "startString":
      case "startNumber":
        this.text = "";
        return;
      case "stringChunk":
      case "numberChunk":
        this.chars += token.value.length;
        if (this.keeping) this.text += token.value;
        return;
      case "endKey": {
        const frame = this.stack.at(-1);
        if (frame) frame.key = this.text;
        if (this.stack.length === 1 && this.firstKey === undefined) this.firstKey = this.text;
        this.text = "";
        return;
      }
      case "endString":
        return this.add(this.text);
      case "endNumber":
        return this.add(Number(this.text));
      case "nullValue":
      case "trueValue":
      case "falseValue":
        return this.add(token.value);
      default:
        return;
    }
  }

  private open(container: Record<string, unknown> | unknown[]) {
    this.add(container);
    this.stack.push({ container, key: "" });
  }

  private close() {
    this.stack.pop();
    if (!this.stack.length) this.done = true;
  }

  private add(value: unknown) {
    this.text = "";
    const frame = this.stack.at(-1);
    if (!frame) {
      this.value = value;
      if (typeof value !== "object" || value === null) this.done = true;
      return;
    }
    if (!this.keeping) return;
    if (Array.isArray(frame.container)) frame.container.push(value);
    // A "__proto__" key is data, never the prototype (assigning it would set the prototype).
    else if (frame.key === "__proto__") Object.defineProperty(frame.container, frame.key, { value, enumerable: true, writable: true, configurable: true });
    else frame.container[frame.key] = value;
  }
}
