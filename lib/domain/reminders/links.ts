// Every URL a reminder contains, from the installation's base URL (NEXTAUTH_URL).
import type { ReminderChannel } from "@/lib/domain/reminders/types";
import { signUnsubscribeToken } from "@/lib/domain/reminders/unsubscribe-token";

export type ReminderLinks = {
  task: (taskId: string) => string;
  calendar: string;
  /** The page a person opens from the message: shows whose reminders, with one button. */
  unsubscribePage: (personId: string, channel: ReminderChannel) => string;
  /** The List-Unsubscribe target: a mail client POSTs one-click here (RFC 8058); GET opens the page. */
  unsubscribeOneClick: (personId: string, channel: ReminderChannel) => string;
};

export function reminderLinks({ baseUrl, secret }: { baseUrl: string; secret: string }): ReminderLinks {
  const base = baseUrl.replace(/\/+$/, "");
  const token = (personId: string, channel: ReminderChannel) => encodeURIComponent(signUnsubscribeToken(secret, { personId, channel }));
  return {
    task: (taskId) => `${base}/rotation?task=${encodeURIComponent(taskId)}`,
    calendar: `${base}/rotation`,
    unsubscribePage: (personId, channel) => `${base}/unsubscribe?token=${token(personId, channel)}`,
    unsubscribeOneClick: (personId, channel) => `${base}/api/v1/reminders/unsubscribe?token=${token(personId, channel)}`,
  };
}
