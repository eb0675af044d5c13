// What a route does not implement answers 405 problem+json with an Allow header, like every other
// refusal — not Next's empty 405. Each route file ends with
//   export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
// OPTIONS is answered here too: Next's own would list these refusals as allowed. HEAD follows GET.
// e2e/api-fuzz.spec.ts checks every route file.
import { randomUUID } from "node:crypto";
import { problemResponse } from "@/lib/http/problem";

export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof ROUTE_METHODS)[number];
type Refusal = (request: Request) => Response;
type Answers<H> = Record<Exclude<Method, keyof H> | "OPTIONS", Refusal>;

/** `instance` replaces the path in the problem where the path itself is a credential (a calendar feed). */
export function otherMethods<H extends Partial<Record<Method, unknown>>>(implemented: H, { instance }: { instance?: string } = {}): Answers<H> {
  const names = Object.keys(implemented) as Method[];
  const allow = [...names, ...(names.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const refuse: Refusal = (request) =>
    problemResponse(
      {
        code: "method_not_allowed",
        status: 405,
        detail: `${request.method} is not supported here; this resource allows ${allow}`,
        errors: [{ field: "method", message: `must be one of ${allow}` }],
        instance: instance ?? new URL(request.url).pathname,
        requestId: randomUUID(),
      },
      { allow },
    );
  const options: Refusal = () => new Response(null, { status: 204, headers: { allow } });
  return { ...Object.fromEntries(ROUTE_METHODS.filter((m) => !names.includes(m)).map((m) => [m, refuse])), OPTIONS: options } as Answers<H>;
}
