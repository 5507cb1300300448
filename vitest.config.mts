import {defineConfig} from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
