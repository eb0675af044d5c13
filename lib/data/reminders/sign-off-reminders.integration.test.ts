// A task marked done waits for its sign-off: the reminder goes to whoever the sign-off rule
// (lib/domain/rotation/sign-off.ts) says may sign — never to an approver who is also the operator or
// who marked it done. Real Postgres rows, a real SMTP server.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { sendReminders } from "@/lib/data/reminders/send-reminders";
import { reminderLinks } from "@/lib/domain/reminders/links";
import { createSmtpTransport } from "@/lib/notify/smtp";
import { startSmtpInbox, type SmtpInbox } from "@/lib/notify/testing/smtp-inbox";
import { createTestDatabase } from "@/test/database";

const links = reminderLinks({ baseUrl: "https://keyledger.example.com", secret: "reminder-test-signing-secret-0123456789" });
const day = (n: number) => new Date(Date.now() + n * 86_400_000);

let smtp: SmtpInbox;
let database: Database;
let cast: Record<"maya" | "dana" | "sam" | "arjun", Person>;

/** A task awaiting sign-off on a new secret, with its operator and approver. */
async function awaitingSignOff(name: string, { operator, approver, completedBy }: { operator: Person; approver: Person; completedBy: Person }) {
  const db = database.db;
  const secret = await createSecret(db, { sourceId: (await createSource(db, { name: `src-${name}` })).id, name, environment: "prod", tier: 1 });
  await assignRole(db, { secretId: secret.id, role: "operator", personId: operator.id });
  await assignRole(db, { secretId: secret.id, role: "approver", personId: approver.id });
  await db.insert(rotationTasks).values({
    secretId: secret.id,
    assigneeId: operator.id,
    assigneeRole: "operator",
    status: "awaiting_approval",
    requiresApproval: true,
    completedBy: completedBy.id,
    completedAt: day(-1),
    dueAt: day(3),
    graceUntil: day(6),
    openedAt: day(-20),
    updatedAt: day(-1),
  });
}

const run = async () => {
  const email = createSmtpTransport({ url: smtp.url, from: "Keyledger <keyledger@example.com>" });
  try {
    return await sendReminders({ db: database.db, transports: { email, slack: null }, links });
  } finally {
    email.close();
  }
};
const mailTo = (person: Person) => smtp.mails.filter((m) => m.to.includes(person.email));

beforeAll(async () => {
  smtp = await startSmtpInbox({ user: "keyledger", pass: "smtp-pass-word" });
});
afterAll(() => smtp.close());
beforeEach(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const [maya, dana, sam, arjun] = await Promise.all([
    createPerson(db, { name: "Maya Chen", email: "maya@lumen.test", role: "founder" }),
    createPerson(db, { name: "Dana Ruiz", email: "dana@lumen.test" }),
    createPerson(db, { name: "Sam Okafor", email: "sam@lumen.test", role: "admin" }),
    createPerson(db, { name: "Arjun Mehta", email: "arjun@lumen.test", role: "admin" }),
  ]);
  cast = { maya: maya!, dana: dana!, sam: sam!, arjun: arjun! };
  smtp.mails.length = 0;
});
afterEach(() => database.close());

describe("sign-off reminders", () => {
  it("go to the approver who is a second person, and to nobody else", async () => {
    await awaitingSignOff("payments/stripe-live", { operator: cast.dana, approver: cast.maya, completedBy: cast.dana });
    await run();
    expect(smtp.mails.flatMap((m) => m.to)).toEqual([cast.maya.email]);
    expect(mailTo(cast.maya)[0]!.text).toContain("payments/stripe-live (prod · tier 1): due");
    expect(mailTo(cast.maya)[0]!.text).toContain("done by the operator — needs your sign-off");
  });

  it("skip an approver who is also the operator: every admin who did none of it gets it, told why", async () => {
    await awaitingSignOff("payments/stripe-live", { operator: cast.maya, approver: cast.maya, completedBy: cast.maya });
    await run();
    expect(mailTo(cast.maya)).toEqual([]);
    expect(smtp.mails.flatMap((m) => m.to).sort()).toEqual([cast.arjun.email, cast.sam.email]);
    expect(mailTo(cast.sam)[0]!.text).toContain("marked done — needs your sign-off: Maya Chen is both this secret's approver and its operator");
  });

  it("skip an approver who marked the task done, and the admin who did", async () => {
    await awaitingSignOff("db/orders-admin", { operator: cast.dana, approver: cast.arjun, completedBy: cast.arjun });
    await run();
    expect(smtp.mails.flatMap((m) => m.to)).toEqual([cast.sam.email]);
    expect(mailTo(cast.sam)[0]!.text).toContain("needs your sign-off: Arjun Mehta, the approver, marked it done");
  });
});
