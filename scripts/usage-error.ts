// A command used the wrong way (a missing FILE, an unknown --format): printed as one line, exit 1.
// Its own small module so the CLI can recognise it without loading the commands that throw it.
export class UsageError extends Error {}
