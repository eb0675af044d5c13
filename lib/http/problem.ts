// Every error leaves the API as application/problem+json (RFC 9457), naming the field at fault.
import { ZodError, type z } from "zod";
import { AppError, type FieldError } from "@/lib/errors";
import { log } from "@/lib/log";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Sign-in required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  411: "Length required",
  413: "Payload too large",
  422: "Invalid input",
  500: "Internal error",
};

type ProblemInput = Omit<Problem, "type" | "title" | "requestId"> & { code: string; title?: string; requestId?: string };

/** The problem+json body, for answers that are not a fetch Response (the Node web server's own). */
export function problemBody({ code, title, ...rest }: ProblemInput): Omit<Problem, "requestId"> & { requestId?: string } {
  return { type: `urn:keyledger:problem:${code}`, title: title ?? TITLES[rest.status] ?? "Error", ...rest };
}

export function problemResponse(problem: ProblemInput & { requestId: string }, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}): Response {
  return Response.json({ ...problemBody(problem), ...extra }, { status: problem.status, headers: { ...headers, "content-type": "application/problem+json" } });
}

/** Zod issues as located field errors: "query.tier", "body.personId". */
export function fieldErrors(error: z.ZodError, part: string): FieldError[] {
  return error.issues.map((issue) => {
    const field = [part, ...issue.path.map(String)].join(".");
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => `${part}.${k}`) : [];
    return { field: keys.length ? keys.join(", ") : field, message: issue.message };
  });
}

export function toProblem(error: unknown, context: { instance: string; requestId: string }): Response {
  if (error instanceof AppError) {
    const detail = error.fields.length
      ? `${error.message}: ${error.fields.map((f) => `${f.field} — ${f.message}`).join("; ")}`
      : error.message;
    return problemResponse({ code: error.code, status: error.status, detail, errors: error.fields, ...context });
  }
  if (error instanceof ZodError) {
    const errors = fieldErrors(error, "input");
    return problemResponse({ code: "invalid_input", status: 422, detail: "Invalid input", errors, ...context });
  }
  const pgCode = (error as { code?: unknown } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (pgCode === "23505") {
    return problemResponse({ code: "conflict", status: 409, detail: "That already exists", ...context });
  }
  log.error("unhandled error in route", { requestId: context.requestId, instance: context.instance, error });
  return problemResponse({
    code: "internal",
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${context.requestId} when reporting it.`,
    ...context,
  });
}
