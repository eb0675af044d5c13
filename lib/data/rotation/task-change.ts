// What a reconcile did (or, in a preview, would do) to one task: opened, moved (its due date),
// updated (sign-off, assignee), closed (exempt, or the secret is gone from its store) or withdrawn
// (a change opened it and a later one took its due date back past the lead time).
export type TaskChange = {
  change: "open" | "move" | "update" | "close" | "withdraw";
  /** Null for a task a preview would open (it does not exist). */
  taskId: string | null;
  secret: { id: string; name: string };
  /** The due date after the change (for a closed or withdrawn task: the one it had). */
  dueAt: string;
  /** move: the due date before. */
  fromDueAt: string | null;
  reason: string | null;
};

export type ReconcileResult = { opened: number; updated: number; closed: number; withdrawn: number; changes: TaskChange[] };

/** The counts alone, for an access event's detail. */
export const countsOf = ({ opened, updated, closed, withdrawn }: ReconcileResult) => ({ opened, updated, closed, withdrawn });
