// `npm run dev:stores`: the local secret-store servers (scripts/dev-store-servers.ts) on their own,
// for a Keyledger started some other way. The one-command try-out is `npm start -- --with-dev-stores`:
// a Keyledger already running cannot use these, because it reads store credentials only from the
// environment it was started with (docs/security.md). Ctrl-C stops them.
import { startDevStores } from "@/scripts/dev-store-servers";

const dev = await startDevStores(process.env);
console.log("Local secret-store servers (sample metadata, no values), on loopback:\n");
console.log(dev.instructions);
console.log(`
A Keyledger that is already running cannot sync these: it reads store credentials only from the
environment it started with. Either stop it and run, instead of this command,

  npm start -- --with-dev-stores

which runs these servers inside Keyledger with the right settings, or start Keyledger with:

  ${Object.entries(dev.env).map(([k, v]) => `${k}=${v}`).join(" ")} npm start

Then Sources → Add source, paste a configuration above, Add source, Sync now. Ctrl-C stops the servers.`);

const stop = async () => {
  await dev.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
