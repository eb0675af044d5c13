import "server-only";
// The e-mails a file names → people in the registry. A person who is not there is a problem at
// the cell that names them: Keyledger does not invent people (add them under People first).
import { inArray, sql } from "drizzle-orm";
import { people } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { ROLE_COLUMNS, type InventoryRow } from "@/lib/sources/inventory-file/format";
import type { Person } from "@/lib/sources/inventory-file/plan-changes";
import type { InventoryProblem } from "@/lib/sources/inventory-file/problems";

export async function resolvePeople({ db, rows, file }: { db: Queryable; rows: InventoryRow[]; file: string }): Promise<{ people: Map<string, Person>; problems: InventoryProblem[] }> {
  const uses: { email: string; row: InventoryRow; column: "locations" | (typeof ROLE_COLUMNS)[number] }[] = [];
  for (const row of rows) {
    for (const role of ROLE_COLUMNS) {
      const email = row.roles[role];
      if (email) uses.push({ email, row, column: role });
    }
    for (const location of row.locations ?? []) {
      if (location.personEmail) uses.push({ email: location.personEmail, row, column: "locations" });
    }
  }
  const emails = [...new Set(uses.map((use) => use.email))];
  const found = new Map<string, Person>();
  for (let i = 0; i < emails.length; i += 1000) {
    const rowsFound = await db
      .select({ id: people.id, email: sql<string>`lower(${people.email})`, status: people.status })
      .from(people)
      .where(inArray(sql`lower(${people.email})`, emails.slice(i, i + 1000)));
    for (const person of rowsFound) found.set(person.email, person);
  }
  const problems: InventoryProblem[] = [];
  for (const { email, row, column } of uses) {
    if (found.has(email)) continue;
    const at = row.at[column];
    problems.push({
      file,
      line: at?.line ?? row.line,
      column: at?.column,
      field: column,
      message: `no person with the e-mail ${email} is in the registry: add them under People first, or write unknown`,
    });
  }
  return { people: found, problems };
}
