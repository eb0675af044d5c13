import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackWebhook } from "@/lib/notify/slack-webhook";
import { DeliveryError } from "@/lib/notify/transports";
import { freePort } from "@/test/free-port";

const message = { text: "hello", blocks: [] };
let silent: http.Server;
let silentUrl: string;

beforeAll(async () => {
  // Accepts the request and never answers.
  silent = http.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/services/T1/B1/verysecretpart`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

describe("Slack webhook transport", () => {
  it("gives up on a webhook that does not answer, saying so without the URL", async () => {
    const error = await createSlackWebhook({ url: silentUrl, timeoutMs: 200, minIntervalMs: 0 }).send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as Error).message).toBe("Slack did not answer within 200 ms");
  });

  it("reports an unreachable webhook by its error code only", async () => {
    const url = `http://127.0.0.1:${await freePort()}/services/T1/B1/verysecretpart`;
    const error = await createSlackWebhook({ url, minIntervalMs: 0 }).send(message).catch((e: unknown) => e);
    expect((error as Error).message).toBe("could not reach Slack (ECONNREFUSED)");
    expect((error as Error).message).not.toContain("verysecretpart");
  });
});
