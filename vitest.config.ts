import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React server bundle; under test the DAL runs in plain Node.
      "server-only": path.join(root, "test/server-only.ts"),
    },
  },
};
const exclude = ["node_modules/**", ".next/**", ".data/**", "e2e/**"];

export default defineConfig({
  test: {
    reporters: process.env.KEYLEDGER_TEST_JSON ? ["default", ["json", { outputFile: process.env.KEYLEDGER_TEST_JSON }]] : ["default"],
    projects: [
      {
        ...shared,
        test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, "**/*.integration.test.ts"] },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude,
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
