import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // tfjs keeps one global engine per process: isolate files so backends never collide.
    pool: 'forks',
  },
});
