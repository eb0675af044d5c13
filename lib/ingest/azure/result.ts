// HTTP outcomes as Azure logs them: a status code (number or text), or the status' name in
// resultSignature ("Forbidden", "Failed.Forbidden", "Succeeded.Created").

const NAMES: Record<number, string> = {
  400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed", 409: "Conflict",
  412: "PreconditionFailed", 413: "RequestEntityTooLarge", 429: "TooManyRequests", 500: "InternalServerError",
  501: "NotImplemented", 502: "BadGateway", 503: "ServiceUnavailable", 504: "GatewayTimeout",
};

/** 100–599 from a number or a numeric string; null otherwise. */
export function httpStatus(value: unknown): number | null {
  const code = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{3}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : null;
}

export function statusName(code: number): string {
  return NAMES[code] ?? `HTTP_${code}`;
}

/** A status name from "Failed.Forbidden" / "Forbidden" / "403"; null for success words or nothing. */
export function signatureName(signature: string | number | null | undefined): string | null {
  if (signature === null || signature === undefined) return null;
  const code = httpStatus(signature);
  if (code !== null) return code >= 400 ? statusName(code) : null;
  const last = String(signature).split(".").map((part) => part.trim()).filter(Boolean).at(-1);
  if (!last || /^(ok|succeeded|success|created|accepted|nocontent|started|failed|failure)$/i.test(last)) return null;
  return /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(last) ? last : null;
}

export const isFailureWord = (text: string | null | undefined) => Boolean(text && /^(fail|failed|failure)$/i.test(text.trim()));
