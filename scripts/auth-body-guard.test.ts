// The web server's early refusal of sign-in bodies, on a real HTTP server: answered before the body
// has arrived (the client here never sends the rest).
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseOversizedAuthBody } from "@/scripts/auth-body-guard";

let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (refuseOversizedAuthBody(request, response)) return;
    request.resume();
    request.on("end", () => response.end("passed on"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the head and a first piece of body, then waits for the status line without sending more. */
function send(path: string, head: string, piece = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => {
      answer += d;
      if (answer.includes("\r\n\r\n")) resolve(answer);
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
    socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\n${head}\r\n\r\n${piece}`);
  });
}

describe("refuseOversizedAuthBody", () => {
  it("answers 413 at once for a declared length past 64 KiB on any next-auth endpoint", async () => {
    for (const path of ["/api/auth/callback/demo", "//api//auth/signout", "/api/auth/signin/oidc?x=1"]) {
      const answer = await send(path, `Content-Length: ${50 * 1024 * 1024}`, "a".repeat(1000));
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer).toContain("application/problem+json");
    }
  });

  it("answers 411 for a sign-in body without a declared length", async () => {
    expect(await send("/api/auth/callback/demo", "Transfer-Encoding: chunked", "10\r\n")).toMatch(/^HTTP\/1\.1 411/);
  });

  it("passes small sign-in bodies and every other route on", async () => {
    expect(await send("/api/auth/callback/demo", "Content-Length: 3", "a=b")).toContain("passed on");
    expect(await send("/api/v1/secrets", `Content-Length: 3`, "a=b")).toContain("passed on");
  });
});
