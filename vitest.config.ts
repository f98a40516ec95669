import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:unit` = `vitest run`: both projects. One project only: `vitest run --project unit`.
export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: `${fileURLToPath(new URL("./src", import.meta.url))}/` }],
  },
  test: {
    // Integration files wait on PostgreSQL more than on the CPU.
    maxWorkers: 4,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.int.test.ts"],
          // Migrates one template database per run; each file clones it (tests/helpers/test-database.ts).
          globalSetup: ["tests/helpers/global-setup.ts"],
          // Generous: a file's setup may seed the whole demo, which takes a minute on a loaded machine.
          testTimeout: 20_000,
          hookTimeout: 120_000,
          // Pinned so results do not depend on the developer's shell; DATABASE_URL is set per file.
          env: {
            NODE_ENV: "test",
            DATABASE_POOL_MAX: "4",
            SESSION_MAX_AGE_MINUTES: "480",
            LOGIN_MAX_FAILURES: "5",
            LOGIN_WINDOW_MINUTES: "15",
          },
        },
      },
    ],
  },
});
