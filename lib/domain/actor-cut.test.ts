import { describe, expect, it } from "vitest";
import { splitActor } from "@/lib/domain/actor-cut";

describe("splitActor", () => {
  it("keeps an assumed role's role and session, the part where actors differ", () => {
    expect(splitActor("arn:aws:sts::123456789012:assumed-role/payments-api-prod/i-0a1b2c3d4e")).toEqual({
      head: "arn:aws:sts::123456789012:assumed-role/",
      tail: "payments-api-prod/i-0a1b2c3d4e",
    });
  });

  it("keeps at least the last 12 characters", () => {
    expect(splitActor("arn:aws:iam::123456789012:user/jonas")).toEqual({ head: "arn:aws:iam::12345678901", tail: "2:user/jonas" });
    expect(splitActor("vault:token/ab").tail).toBe("ault:token/ab".slice(-12));
  });

  it("leaves a short actor whole in the tail, and head + tail is always the actor", () => {
    expect(splitActor("priya@lumenpay.example")).toEqual({ head: "", tail: "priya@lumenpay.example" });
    for (const actor of ["", "x", "serviceAccount:deploy@proj.iam.gserviceaccount.com", "token-abc:", "arn:aws:sts::1:assumed-role/r/s"]) {
      const { head, tail } = splitActor(actor);
      expect(head + tail).toBe(actor);
    }
  });
});
