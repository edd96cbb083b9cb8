import { defineConfig } from 'vitest/config';

/**
 * The process suites: the built server (`node dist/server/main.js`) on real ports, over real
 * sockets, several of them on one database, killed and restarted. One file at a time: each
 * starts its own processes and a 2-core machine runs them best in turn.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.process.test.ts'],
    globalSetup: ['src/server/test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
