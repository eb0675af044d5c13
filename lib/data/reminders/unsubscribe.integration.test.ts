import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents, type Person } from "@/db/schema";
import { reminderUnsubscribes } from "@/db/schema-rotation";
import { createPerson } from "@/db/seed/factories";
import { changeChannelByToken } from "@/lib/data/reminders/change-channel-by-token";
import { findUnsubscribeTarget } from "@/lib/data/reminders/find-unsubscribe-target";
import { getReminderPreferences } from "@/lib/data/reminders/get-reminder-preferences";
import { updateReminderPreferences } from "@/lib/data/reminders/update-reminder-preferences";
import { signUnsubscribeToken } from "@/lib/domain/reminders/unsubscribe-token";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

const SECRET = "unsubscribe-test-signing-secret-01234567";
let database: Database;
let priya: Person, leo: Person;
const offChannels = async (personId: string) =>
  (await database.db.select({ channel: reminderUnsubscribes.channel }).from(reminderUnsubscribes).where(eq(reminderUnsubscribes.personId, personId))).map((r) => r.channel).sort();

beforeAll(async () => {
  database = await useTestDatabase();
  [priya, leo] = await Promise.all([createPerson(database.db, { name: "Priya Shah" }), createPerson(database.db, { name: "Leo Park" })]);
});
afterAll(() => database.close());

describe("unsubscribe links", () => {
  it("name the person and channel they were signed for, and nobody when forged", async () => {
    const token = signUnsubscribeToken(SECRET, { personId: priya.id, channel: "email" });
    expect(await findUnsubscribeTarget({ db: database.db, token, secret: SECRET })).toEqual({ person: { id: priya.id, name: "Priya Shah", email: priya.email }, channel: "email", unsubscribed: false });
    expect(await findUnsubscribeTarget({ db: database.db, token: token.replace(priya.id, leo.id), secret: SECRET })).toBeNull();
    expect(await findUnsubscribeTarget({ db: database.db, token, secret: "another-secret-another-secret-000" })).toBeNull();
  });

  it("turn the channel off and on again, as the person's own audited action; a forged one changes nothing", async () => {
    const token = signUnsubscribeToken(SECRET, { personId: priya.id, channel: "slack" });
    expect(await changeChannelByToken({ token, secret: SECRET, subscribe: false, userAgent: "Gmail one-click" })).toEqual({ channel: "slack", unsubscribed: true });
    expect(await offChannels(priya.id)).toEqual(["slack"]);
    // Twice is fine: still off, one row.
    await changeChannelByToken({ token, secret: SECRET, subscribe: false });
    expect(await offChannels(priya.id)).toEqual(["slack"]);

    const forged = signUnsubscribeToken(SECRET, { personId: leo.id, channel: "email" }).replace(leo.id, priya.id).replace(".email.", ".slack.");
    const refused = await changeChannelByToken({ token: forged.replace(/.$/, "x"), secret: SECRET, subscribe: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("forbidden");
    expect(await offChannels(priya.id)).toEqual(["slack"]);

    await changeChannelByToken({ token, secret: SECRET, subscribe: true });
    expect(await offChannels(priya.id)).toEqual([]);
    const events = await database.db
      .select({ rawAction: accessEvents.rawAction, authSource: accessEvents.authSource, detail: accessEvents.detail, userAgent: accessEvents.userAgent })
      .from(accessEvents)
      .where(and(eq(accessEvents.actor, priya.email), eq(accessEvents.sourceKind, "keyledger")))
      .orderBy(accessEvents.occurredAt);
    expect(events.map((e) => e.rawAction)).toEqual(["reminders.unsubscribe", "reminders.unsubscribe", "reminders.resubscribe"]);
    expect(events[0]).toMatchObject({ authSource: "unsubscribe-link", detail: { channel: "slack" }, userAgent: "Gmail one-click" });
  });
});

describe("reminder preferences", () => {
  it("read and change only the signed-in person's own channels", async () => {
    expect(await getReminderPreferences({ actor: actorOf(leo), db: database.db })).toEqual({ email: true, slack: true });
    expect(await updateReminderPreferences({ actor: actorOf(leo), db: database.db, preferences: { email: false, slack: true } })).toEqual({ email: false, slack: true });
    expect(await offChannels(leo.id)).toEqual(["email"]);
    expect(await offChannels(priya.id)).toEqual([]);
    expect(await updateReminderPreferences({ actor: actorOf(leo), db: database.db, preferences: { email: true, slack: false } })).toEqual({ email: true, slack: false });
    expect(await offChannels(leo.id)).toEqual(["slack"]);
  });
});
