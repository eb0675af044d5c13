// Sign-in state that must hold across several web processes: sessions that sign-out really ends,
// and sign-in attempts counted per address and per account (docs/security.md).
import { bigserial, boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "@/db/schema";

// One row per signed-in browser. The session cookie (a JWT) carries the id; a session whose row is
// ended (sign-out, offboarding) or past its expiry no longer authenticates, whatever the cookie says.
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason"),
  },
  (t) => [index("auth_sessions_person_idx").on(t.personId, t.endedAt)],
);

// Every sign-in attempt, successful or not, for the rate limit. Old rows are pruned as new ones come.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    provider: text("provider").notNull(),
    // The client address (null when no proxy is trusted and the peer is unknown) and the lower-cased account.
    address: text("address"),
    account: text("account"),
    succeeded: boolean("succeeded").notNull(),
  },
  (t) => [index("sign_in_attempts_address_idx").on(t.address, t.at), index("sign_in_attempts_account_idx").on(t.account, t.at)],
);
