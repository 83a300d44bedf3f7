import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that need the Pulumi CLI built from Go: npm run test:e2e (vitest.e2e.config.ts).
    exclude: ["test/e2e/**", "**/node_modules/**"],
    globalSetup: ["test/helpers/build-cli.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
