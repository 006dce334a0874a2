import { defineConfig } from 'vitest/config';

// Unit, data and fixture tests run before the build; tests/site/** read the built dist/ and run after it.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
