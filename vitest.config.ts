import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM builds; Node loads the CJS one for dependencies,
    // so our own files must use it too or schema objects come from two realms.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // After each file: no issued token in any response or log line it produced.
    setupFiles: ['test/support/leaks.ts'],
    exclude: ['**/node_modules/**', 'test/consumer/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
