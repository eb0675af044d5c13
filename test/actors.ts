import type { Person } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export const actorOf = (person: Person): Actor => ({ id: person.id, email: person.email, name: person.name, role: person.role });
