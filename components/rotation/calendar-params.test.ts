import { describe, expect, it } from "vitest";
import { ackedDays, CALENDAR_KEYS, doneQuarter, NO_FILTERS, taskFilters } from "@/components/rotation/calendar-params";

describe("calendar params as task-list filters", () => {
  it("turns the summary's links into the API's filters", () => {
    expect(taskFilters({ view: "list", overdue: "1" })).toEqual({ overdue: "true" });
    expect(taskFilters({ view: "list", due: "14", mine: "1" })).toEqual({ due: "14", assignee: "me" });
    expect(taskFilters({ view: "list", gap: "1" })).toEqual({ gap: "true" });
    expect(taskFilters({ view: "list", done: "2026-Q4" })).toEqual({ done: "2026-Q4" });
    expect(taskFilters({ view: "list", acked: "90" })).toEqual({ acked: "90" });
    expect(taskFilters({ view: "list", acked: "90", ackedWithin2Days: "1" })).toEqual({ acked: "90", ackedWithin2Days: "true" });
  });

  it("drops what is not a quarter or a number of days, rather than asking the API for a 422", () => {
    expect([doneQuarter({ done: "2026-Q5" }), doneQuarter({ done: "last" }), doneQuarter({})]).toEqual([null, null, null]);
    expect([ackedDays({ acked: "0" }), ackedDays({ acked: "9999" }), ackedDays({ acked: "soon" }), ackedDays({ acked: "90" })]).toEqual([null, null, null, 90]);
    expect(taskFilters({ done: "Q4", acked: "-1", ackedWithin2Days: "yes" })).toEqual({});
  });

  it("reads every filter from the URL and clears them all, leaving view, date and order", () => {
    for (const key of Object.keys(NO_FILTERS)) expect(CALENDAR_KEYS).toContain(key);
    expect(Object.keys(NO_FILTERS)).toEqual(expect.arrayContaining(["done", "acked", "ackedWithin2Days"]));
    for (const kept of ["view", "date", "sort"]) expect(Object.keys(NO_FILTERS)).not.toContain(kept);
  });
});
