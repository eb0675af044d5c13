import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file; migrations are applied by `keyledger migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./db/schema.ts", "./db/schema-ingest.ts", "./db/schema-rotation.ts", "./db/schema-auth.ts"],
  out: "./db/migrations",
});
