// Who is asking. Every DAL function takes an Actor; it is resolved from the session on each
// request, so a role change or an offboarding takes effect at once, not when the JWT expires.
import type { AppRole } from "@/lib/domain/roles";

export type Actor = { id: string; email: string; name: string; role: AppRole };
