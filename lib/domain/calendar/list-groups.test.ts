import { describe, expect, it } from "vitest";
import { listGroupQuery, listGroupTitle, visibleGroups } from "@/lib/domain/calendar/list-groups";

describe("list view groups", () => {
  const now = new Date("2026-11-25T10:00:00Z"); // a Wednesday

  it("splits active tasks at now and at next Monday, without overlap", () => {
    expect(listGroupQuery("overdue", now)).toEqual({ overdue: "true" });
    expect(listGroupQuery("this_week", now)).toEqual({ status: "open,acknowledged,awaiting_approval", overdue: "false", to: "2026-11-30" });
    expect(listGroupQuery("later", now)).toEqual({ status: "open,acknowledged,awaiting_approval", from: "2026-11-30" });
  });

  it("on a Sunday, this week ends at midnight", () => {
    expect(listGroupQuery("this_week", new Date("2026-11-29T22:00:00Z")).to).toBe("2026-11-30");
  });

  it("done recently looks back by due date", () => {
    expect(listGroupQuery("done_recently", now)).toEqual({ status: "done,skipped", from: "2026-10-11" });
  });

  it("shows only the rows a drill-down counts: overdue, due soon, or (gaps) the tasks still to do", () => {
    expect(visibleGroups({ overdue: true })).toEqual(["overdue"]);
    expect(visibleGroups({ due: true })).toEqual(["due"]);
    expect(listGroupQuery("due", now)).toEqual({});
    expect(visibleGroups({ gap: true })).toEqual(["overdue", "this_week", "later"]);
    expect(visibleGroups({})).toEqual(["overdue", "this_week", "later", "done_recently"]);
  });

  it("a figure's quarter or ack drill-down shows one group its own filter selects, with all the filters' rows", () => {
    expect(visibleGroups({ done: true })).toEqual(["done_in_quarter"]);
    expect(visibleGroups({ acked: true })).toEqual(["acked"]);
    expect(visibleGroups({ acked: true, gap: true })).toEqual(["acked"]);
    expect(visibleGroups({ overdue: true, done: true })).toEqual(["overdue"]);
    expect(listGroupQuery("done_in_quarter", now)).toEqual({});
    expect(listGroupQuery("acked", now)).toEqual({});
  });

  it("titles a drill-down's group with its filter's words", () => {
    expect(listGroupTitle("due", { due: "14" })).toBe("Due in the next 14 days");
    expect(listGroupTitle("done_in_quarter", { done: "2026-Q4" })).toBe("Done in Q4 2026");
    expect(listGroupTitle("acked", { acked: "90" })).toBe("Opened in the last 90 days, answer known");
    expect(listGroupTitle("acked", { acked: "90", ackedWithin2Days: "true" })).toBe("Opened in the last 90 days, answer known, acked within 2 days");
    expect(listGroupTitle("overdue", { done: "2026-Q4" })).toBe("Overdue");
  });
});
