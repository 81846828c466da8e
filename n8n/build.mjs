// Builds the community package: every node and credential is a small CommonJS file that
// requires one shared runtime (dist/lib/pack.js) holding the core and its libraries, so the
// package ships zero runtime dependencies and the core is not repeated in every node.
import { build } from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const runtimeEntry = join(root, 'host', 'index.ts');
const runtimeOut = join(dist, 'lib', 'pack.js');
const inRuntime = [join(root, 'host'), resolve(root, '..', 'shared')];

// keepNames: error classes keep their names (`ValidationError`) in what users see.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, keepNames: true, legalComments: 'none', external: ['n8n-workflow'], logLevel: 'warning' };

/**
 * Imports of the host adapters or the core become a require of the shared runtime, relative to
 * the entry's output file: every module of an entry ends up in that one file, wherever it sits.
 */
const useRuntime = (outFile) => ({
  name: 'use-runtime',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (!inRuntime.some((dir) => target === dir || target.startsWith(`${dir}/`))) return undefined;
      return { path: relative(dirname(outFile), runtimeOut).replace(/^(?!\.)/, './'), external: true };
    });
  },
});

async function entries() {
  const found = [];
  for (const dir of ['credentials', 'nodes']) {
    const walk = async (at) => {
      for (const entry of await readdir(at, { withFileTypes: true })) {
        const path = join(at, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (/\.(node|credentials)\.ts$/.test(entry.name)) found.push(path);
      }
    };
    await walk(join(root, dir));
  }
  return found;
}

await rm(dist, { recursive: true, force: true });
await build({ ...common, entryPoints: [runtimeEntry], outfile: runtimeOut });
for (const entry of await entries()) {
  const outfile = join(dist, relative(root, entry)).replace(/\.ts$/, '.js');
  await build({ ...common, entryPoints: [entry], outfile, plugins: [useRuntime(outfile)] });
}
// Icons and codex files sit beside each node, where n8n looks for them.
await cp(join(root, 'nodes'), join(dist, 'nodes'), { recursive: true, filter: (src) => !src.endsWith('.ts') });
await mkdir(join(dist, 'lib'), { recursive: true });
