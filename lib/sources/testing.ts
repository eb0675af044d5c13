// Helpers for the connector tests (never imported by the app): gather what a connector streams,
// and expect a call to fail with a SourceError.
import { expect } from "vitest";
import { SourceError } from "@/lib/sources/source-error";

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** The SourceError a promise rejects with; the test fails if it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}
