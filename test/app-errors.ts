// How an integration test looks at a DAL call that should fail with an AppError.
import { AppError } from "@/lib/errors";

/** "ok", the AppError's code, or the text of anything else thrown. */
export const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

/** The AppError the call rejects with, as plain data; throws when it succeeds or fails otherwise. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected an AppError");
    },
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return { code: e.code, status: e.status, message: e.message, fields: e.fields };
    },
  );
