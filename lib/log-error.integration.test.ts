// A failed query against a real Postgres carries its SQL and parameters; none of it may reach a log line.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { people } from "@/db/schema";
import { toProblem } from "@/lib/http/problem";
import { log } from "@/lib/log";
import { routeConsoleThroughLog } from "@/lib/log-console";
import { createTestDatabase } from "@/test/database";

const TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
const TYPED = "Maya's private note about the Stripe key";

let database: Database;
let written: string[] = [];
let original: typeof process.stderr.write;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(() => {
  written = [];
  original = process.stderr.write;
  process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
});
afterEach(() => {
  process.stderr.write = original;
});

async function failure(query: Promise<unknown>): Promise<unknown> {
  return query.then(
    () => expect.fail("the query should have failed"),
    (error: unknown) => error,
  );
}

const stderr = () => written.join("");

describe("a failed query in the log", () => {
  it("toProblem logs the SQLSTATE and message, never the SQL or what the user typed", async () => {
    const error = await failure(database.db.execute(sql`select ${`${TYPED} ${TOKEN}`}::uuid as id`));
    const response = toProblem(error, { instance: "/api/v1/secrets", requestId: "req-1" });
    expect(response.status).toBe(500);
    expect(stderr()).toContain("22P02");
    expect(stderr()).toContain("invalid input syntax for type uuid");
    expect(stderr()).not.toContain(TYPED);
    expect(stderr()).not.toContain(TOKEN);
    expect(stderr()).not.toMatch(/select|::uuid|params/i);
  });

  it("keeps a constraint violation's columns but not the row's values", async () => {
    const error = await failure(database.db.insert(people).values({ email: "maya.private@lumenpay.example", name: null as never }));
    log.error("insert failed", { error });
    expect(stderr()).toContain("23502");
    expect(stderr()).toContain("Failing row contains ([redacted])");
    expect(stderr()).not.toContain("maya.private");
  });

  it("prints the same error without its parameters when Next.js logs it with console.error", async () => {
    const error = await failure(database.db.execute(sql`select ${TYPED}::int`));
    const undo = routeConsoleThroughLog();
    try {
      console.error(" ⨯", error);
    } finally {
      undo();
    }
    expect(stderr()).toMatch(/DrizzleQueryError: database query failed[\s\S]*\[cause\] error 22P02: invalid input syntax for type integer: "\[redacted\]"/);
    expect(stderr()).not.toContain(TYPED);
  });
});
