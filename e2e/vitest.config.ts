import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The project root, whichever directory the command is run from.
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    // Each file starts its own server and browser; two cores cannot run two of those at once without flaky timings.
    fileParallelism: false,
    // One worker imports Lifeline once for every file, instead of once per file; each file still starts its own server and database.
    isolate: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
