// What the reminder job sends through. A transport throws DeliveryError with a message that is safe
// to store and show (never a credential): the reminder_deliveries row keeps it as the error.
import type { SlackMessage } from "@/lib/domain/reminders/render-slack";

export type EmailMessage = { to: string; subject: string; text: string; html: string; unsubscribeUrl: string; oneClickUrl: string };
export type EmailTransport = { send: (message: EmailMessage) => Promise<void>; close: () => void };
export type SlackTransport = { send: (message: SlackMessage) => Promise<void> };
export type Transports = { email: EmailTransport | null; slack: SlackTransport | null };

export class DeliveryError extends Error {
  override name = "DeliveryError";
}

/** A stored error stays short: the first 500 characters say what went wrong. */
export function deliveryErrorText(error: unknown): string {
  const text = error instanceof DeliveryError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
