// Slack through an incoming webhook (one URL, one channel). The URL is a credential: it comes from
// the environment and no error, log line or stored delivery ever contains it.
import type { SlackMessage } from "@/lib/domain/reminders/render-slack";
import { DeliveryError, type SlackTransport } from "@/lib/notify/transports";

type Options = {
  url: string;
  timeoutMs?: number;
  /** Slack allows about one webhook message a second: space them out. */
  minIntervalMs?: number;
  /** A 429 asking to wait at most this long is waited out and retried once; longer is a failure. */
  maxRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// What Slack's webhook error bodies mean for whoever reads the delivery log.
const HINTS: Record<string, string> = {
  invalid_payload: "the message was malformed",
  no_service: "the webhook was removed or disabled: create a new one",
  no_team: "the Slack workspace no longer exists",
  team_disabled: "the Slack workspace is disabled",
  channel_not_found: "the webhook's channel was deleted",
  channel_is_archived: "the webhook's channel is archived",
  action_prohibited: "a Slack admin blocked posting to that channel",
  invalid_token: "the webhook is no longer valid: create a new one",
  posting_to_general_channel_denied: "only admins may post to that channel",
};

export function createSlackWebhook({ url, timeoutMs = 10_000, minIntervalMs = 1_100, maxRetryAfterSeconds = 30, sleep = wait }: Options): SlackTransport {
  let lastPostAt = 0;

  async function post(body: string): Promise<Response> {
    const gap = lastPostAt + minIntervalMs - Date.now();
    if (gap > 0) await sleep(gap);
    lastPostAt = Date.now();
    try {
      return await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      if ((error as Error).name === "TimeoutError") throw new DeliveryError(`Slack did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`);
      throw new DeliveryError(`could not reach Slack${cause ? ` (${cause})` : ""}`);
    }
  }

  return {
    send: async (message: SlackMessage) => {
      const body = JSON.stringify(message);
      let response = await post(body);
      if (response.status === 429) {
        const retryAfter = Number(response.headers.get("retry-after") ?? "1");
        if (Number.isFinite(retryAfter) && retryAfter <= maxRetryAfterSeconds) {
          await response.body?.cancel();
          await sleep(Math.max(0, retryAfter) * 1000);
          response = await post(body);
        }
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const answer = (await response.text().catch(() => "")).trim().slice(0, 200);
      if (response.status === 429) {
        throw new DeliveryError(`Slack rate-limited the webhook (429)${response.headers.get("retry-after") ? `, retry after ${response.headers.get("retry-after")} s` : ""}`);
      }
      const hint = HINTS[answer] ? `: ${HINTS[answer]}` : "";
      const who = response.status >= 500 ? "Slack failed" : "Slack refused the message";
      throw new DeliveryError(`${who} (${response.status}${answer ? ` ${answer}` : ""})${hint}`);
    },
  };
}
