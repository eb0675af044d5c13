import { describe, expect, it } from "vitest";
import { transition } from "@/lib/domain/rotation/transitions";

describe("transition", () => {
  it("follows open → acknowledged → done, or skipped", () => {
    expect(transition("acknowledge", "open", false)).toEqual({ ok: true, to: "acknowledged" });
    expect(transition("done", "acknowledged", false)).toEqual({ ok: true, to: "done" });
    expect(transition("done", "open", false)).toEqual({ ok: true, to: "done" });
    expect(transition("skip", "acknowledged", false)).toEqual({ ok: true, to: "skipped" });
  });

  it("waits for the approver's sign-off when the task requires it", () => {
    expect(transition("done", "acknowledged", true)).toEqual({ ok: true, to: "awaiting_approval" });
    expect(transition("approve", "awaiting_approval", true)).toEqual({ ok: true, to: "done" });
  });

  it("refuses wrong transitions with a message that says why", () => {
    expect(transition("acknowledge", "acknowledged", false)).toEqual({ ok: false, message: "This task is already acknowledged, so it cannot be acknowledged." });
    expect(transition("done", "done", false)).toMatchObject({ ok: false, message: expect.stringContaining("already done") });
    expect(transition("skip", "awaiting_approval", true)).toMatchObject({ ok: false });
    expect(transition("approve", "open", true)).toMatchObject({ ok: false, message: expect.stringContaining("Only a task marked done") });
  });
});
