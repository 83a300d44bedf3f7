import { defineConfig } from "vitest/config";

/** Tests that need tools built from the Go module proxy (npm run test:e2e, run by .ci/run). */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    globalSetup: ["test/helpers/build-cli.ts"],
    testTimeout: 120_000,
  },
});
