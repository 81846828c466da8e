/**
 * Installs the n8n runtime (Node 24 + n8n) that `npm start` and `npm run test:e2e` use, with
 * progress, so the e2e tests themselves start from an installed n8n. Instant when already there.
 */
import { resolve } from 'node:path';
import { defaultRuntimeDir, ensureRuntime } from './stack/runtime';

const root = resolve(__dirname, '..', '..');

ensureRuntime({ dir: defaultRuntimeDir(root), log: (line) => console.log(line) }).then(
  (runtime) => console.log(`n8n runtime ready: ${runtime.n8n}`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
