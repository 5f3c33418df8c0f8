import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Redis-backed suites share one server; each file uses its own key prefix, so files may run in parallel.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
