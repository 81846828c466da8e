// Each Zapier app's `_zapier-build` script: bundles the app's TypeScript, the shared core (../shared)
// and the core's libraries into the app's own dist/index.js, so the zip Zapier receives carries
// everything but zapier-platform-core (the app's only dependency, installed by the CLI).
// Run from an app directory: `node ../build.mjs`.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

const appDir = process.cwd();
const outfile = join(appDir, 'dist', 'index.js');

await rm(join(appDir, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(appDir, 'src', 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // The Zapier runtime of zapier-platform-core 19.
  target: 'node22',
  external: ['zapier-platform-core'],
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
});
