// The sign-in rate limit against real Postgres: per address and per account, a true Retry-After,
// refused attempts not counted, old rows pruned — and the limit holding across two connection pools
// claiming at once, as several web processes would.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createDb } from "@/db/client";
import { claimSignInAttempt } from "@/lib/data/auth/claim-sign-in-attempt";
import { finishSignInAttempt } from "@/lib/data/auth/finish-sign-in-attempt";
import { nameSignInAccount } from "@/lib/data/auth/name-sign-in-account";
import type { SignInLimits } from "@/lib/data/auth/sign-in-limits";
import { createTestDatabase } from "@/test/database";

const limits: SignInLimits = { maxPerAddress: 5, maxPerAccount: 3, windowMinutes: 15 };
const MINUTE = 60_000;
let database: Database;
let second: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { max: 4 });
});
afterAll(async () => {
  await second.close();
  await database.close();
});

let counter = 0;
const uniqueAddress = () => `2001:db8::${(++counter).toString(16)}:${randomBytes(2).toString("hex")}`;
const uniqueAccount = () => `someone-${randomBytes(4).toString("hex")}@example.test`;
const claim = (args: { address: string | null; account?: string | null; now?: Date; db?: Database["db"] }) =>
  claimSignInAttempt({ provider: "demo", limits, db: args.db ?? database.db, ...args });
const rowsFor = async (column: "address" | "account", value: string) =>
  (await database.pool.query(`select count(*)::int as n from sign_in_attempts where ${column} = $1`, [value])).rows[0].n as number;

describe("sign-in rate limit", () => {
  it("allows the configured attempts per address in the window, then refuses with when to try again", async () => {
    const from = uniqueAddress();
    const start = new Date(Date.now() - 10 * MINUTE);
    for (let i = 0; i < limits.maxPerAddress; i++) {
      const verdict = await claim({ address: from, account: uniqueAccount(), now: new Date(start.getTime() + i * MINUTE) });
      expect(verdict.allowed).toBe(true);
    }
    const now = new Date(start.getTime() + 6 * MINUTE);
    const refused = await claim({ address: from, account: uniqueAccount(), now });
    // The first attempt (at start) leaves the 15-minute window at start + 15 min: 9 minutes from now.
    expect(refused).toEqual({ allowed: false, limitedBy: "address", retryAfterSeconds: 9 * 60 });
    // The refusal is not counted, so waiting as told is enough.
    expect(await rowsFor("address", from)).toBe(limits.maxPerAddress);
    expect((await claim({ address: from, now: new Date(start.getTime() + 15 * MINUTE + 1000) })).allowed).toBe(true);
  });

  it("limits one account from many addresses", async () => {
    const account = uniqueAccount();
    for (let i = 0; i < limits.maxPerAccount; i++) expect((await claim({ address: uniqueAddress(), account })).allowed).toBe(true);
    const refused = await claim({ address: uniqueAddress(), account: account.toUpperCase() });
    expect(refused).toMatchObject({ allowed: false, limitedBy: "account" });
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it("counts successes as well as failures", async () => {
    const account = uniqueAccount();
    for (let i = 0; i < limits.maxPerAccount; i++) {
      const verdict = await claim({ address: null, account });
      if (verdict.allowed) await finishSignInAttempt({ attemptId: verdict.attemptId, succeeded: true, db: database.db });
    }
    expect((await claim({ address: null, account })).allowed).toBe(false);
  });

  it("holds an OIDC or GitHub account to its limit once the provider names it", async () => {
    const account = uniqueAccount();
    const verdicts = [];
    for (let i = 0; i <= limits.maxPerAccount; i++) {
      const claimed = await claim({ address: uniqueAddress() });
      if (!claimed.allowed) throw new Error("the address should be allowed");
      verdicts.push(await nameSignInAccount({ attemptId: claimed.attemptId, account, limits, db: database.db }));
    }
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(await rowsFor("account", account)).toBe(limits.maxPerAccount);
  });

  it("holds across processes: of many simultaneous attempts from two pools, only the limit gets through", async () => {
    const from = uniqueAddress();
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claim({ address: from, account: uniqueAccount(), db: (i % 2 ? second : database).db })),
    );
    expect(verdicts.filter((v) => v.allowed).length).toBeLessThanOrEqual(limits.maxPerAddress);
    expect(verdicts.filter((v) => v.allowed).length).toBeGreaterThan(0);
    expect(await rowsFor("address", from)).toBeLessThanOrEqual(limits.maxPerAddress);
  });

  it("has no per-address limit when the address is unknown, only the account's", async () => {
    for (let i = 0; i < limits.maxPerAddress + 2; i++) expect((await claim({ address: null, account: uniqueAccount() })).allowed).toBe(true);
  });

  it("prunes attempts older than the window", async () => {
    const from = uniqueAddress();
    await claim({ address: from, now: new Date(Date.now() - 60 * MINUTE) });
    expect(await rowsFor("address", from)).toBe(1);
    await claim({ address: uniqueAddress() });
    expect(await rowsFor("address", from)).toBe(0);
  });
});
