import { describe, expect, it } from "vitest";
import { validateOverride, validatePolicy, validateReason, validateSettings, validateText } from "@/lib/domain/rotation/validate";

const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe("validatePolicy", () => {
  it("accepts an interval of 1–3650 days with a shorter grace", () => {
    expect(validatePolicy({ intervalDays: 90, graceDays: 7 })).toEqual([]);
    expect(validatePolicy({ intervalDays: 1, graceDays: 0 })).toEqual([]);
    expect(validatePolicy({ intervalDays: 3650, graceDays: 3649 })).toEqual([]);
  });

  it("names the field: a negative or huge interval, a negative grace, a grace as long as the interval", () => {
    expect(validatePolicy({ intervalDays: -5, graceDays: 0 })).toEqual([{ field: "body.intervalDays", message: "The interval must be between 1 and 3650" }]);
    expect(fields(validatePolicy({ intervalDays: 4000, graceDays: 0 }))).toEqual(["body.intervalDays"]);
    expect(fields(validatePolicy({ intervalDays: 30, graceDays: -1 }))).toEqual(["body.graceDays"]);
    expect(validatePolicy({ intervalDays: 30, graceDays: 30 })).toEqual([
      { field: "body.graceDays", message: "The grace period (30 days) must be shorter than the interval (30 days)" },
    ]);
    expect(fields(validatePolicy({ intervalDays: 1.5, graceDays: 0 }))).toEqual(["body.intervalDays"]);
  });
});

describe("validateOverride", () => {
  it("needs a reason and either exempt or an interval/grace", () => {
    expect(validateOverride({ exempt: true, reason: "Decommissioned" }, 90)).toEqual([]);
    expect(validateOverride({ intervalDays: 30, reason: "PCI scope" }, 90)).toEqual([]);
    expect(fields(validateOverride({ intervalDays: 30, reason: "  " }, 90))).toEqual(["body.reason"]);
    expect(fields(validateOverride({ reason: "why" }, 90))).toEqual(["body.intervalDays"]);
    expect(fields(validateOverride({ exempt: true, intervalDays: 5, reason: "why" }, 90))).toEqual(["body.exempt"]);
  });

  it("checks the grace against the interval the secret will have", () => {
    expect(fields(validateOverride({ graceDays: 90, reason: "r" }, 90))).toEqual(["body.graceDays"]);
    expect(fields(validateOverride({ intervalDays: 20, graceDays: 20, reason: "r" }, 90))).toEqual(["body.graceDays"]);
    expect(validateOverride({ intervalDays: 200, graceDays: 100, reason: "r" }, 90)).toEqual([]);
  });
});

describe("validateSettings and validateText", () => {
  it("checks each setting that is given", () => {
    expect(validateSettings({ leadDays: 14 })).toEqual([]);
    expect(fields(validateSettings({ leadDays: 91, minutesPerRotation: 0, engineerHoursPerMonth: -1 }))).toEqual([
      "body.leadDays",
      "body.engineerHoursPerMonth",
      "body.minutesPerRotation",
    ]);
  });

  it("refuses a blank note or reason", () => {
    expect(validateText("rotated via console", "note", "A note")).toEqual([]);
    expect(validateText("   ", "reason", "A reason")).toEqual([{ field: "body.reason", message: "A reason is required" }]);
    expect(fields(validateText(undefined, "note", "A note"))).toEqual(["body.note"]);
  });
});

describe("validateReason", () => {
  it("accepts a reason of two or more words and at least 10 letters or digits", () => {
    expect(validateReason("Service decommissioned", "reason", "A reason for skipping")).toEqual([]);
    expect(validateReason("Replaced by OIDC (PLAT-2211)", "reason", "A reason for skipping")).toEqual([]);
    expect(validateReason("Ersetzt durch Föderation", "reason", "A reason for skipping")).toEqual([]);
  });

  it("refuses blank, punctuation, one word, single letters and too few characters, stating the rule", () => {
    expect(validateReason("  ", "reason", "A reason for skipping")).toEqual([{ field: "body.reason", message: "A reason for skipping is required" }]);
    for (const reason of [".", "x", "n/a", "......!!!!!!", "decommissioned", "x x x x x x x x x x x", "no time"]) {
      expect(validateReason(reason, "reason", "A reason for skipping"), reason).toEqual([
        { field: "body.reason", message: expect.stringContaining("A reason for skipping needs at least 10 letters or digits, in two or more words") },
      ]);
    }
  });
});
