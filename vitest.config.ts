import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The end-to-end tests spawn the built CLI; give a cold machine time to start Node.
    testTimeout: 30_000,
  },
});
