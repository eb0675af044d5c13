import { describe, expect, it } from "vitest";
import { listGroupQuery, visibleGroups } from "@/lib/domain/calendar/list-groups";

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
});
