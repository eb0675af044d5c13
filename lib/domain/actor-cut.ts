// Where a long actor is cut when it does not fit: in the middle, keeping the end. Actors in one log
// share their start (arn:aws:sts::123456789012:assumed-role/…) and differ in the end (the role and
// the session), which a cut at the end hides. For an ARN the kept end is its resource after the
// resource type; for anything else the part after the last / or :, or at least the last 12 characters.
const ARN = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:[^/:]+[/:](.+)$/;
const MIN_TAIL = 12;

export function splitActor(actor: string): { head: string; tail: string } {
  const resource = ARN.exec(actor)?.[1];
  const lastSeparator = Math.max(actor.lastIndexOf("/"), actor.lastIndexOf(":"));
  let cut = resource !== undefined ? actor.length - resource.length : lastSeparator + 1;
  cut = Math.min(cut, Math.max(0, actor.length - MIN_TAIL));
  return { head: actor.slice(0, cut), tail: actor.slice(cut) };
}
