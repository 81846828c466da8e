// Usage: node check-build.cjs <app dir>
// Unpacks the app's build/build.zip into an empty temporary folder (outside the repository, so
// only what the zip carries can be required), checks it holds the bundle, the entry point, the
// definition and zapier-platform-core, loads the app from there, and prints the sizes.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const appDir = path.resolve(process.argv[2] ?? '.');
const zip = path.join(appDir, 'build', 'build.zip');
// The Zapier CLI's own unzipper (what its "Testing build" step uses): no system unzip needed.
const decompress = require(path.join(__dirname, '..', 'node_modules', 'zapier-platform-cli', 'src', 'utils', 'decompress.js'));

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zapier-build-check-'));
  try {
    await decompress(zip, dir);
    for (const required of ['index.js', 'dist/index.js', 'definition.json', 'node_modules/zapier-platform-core/package.json']) {
      if (!fs.existsSync(path.join(dir, required))) throw new Error(`${zip} lacks ${required}`);
    }
    const app = require(path.join(dir, 'index.js'));
    const count = (group) => Object.keys(app[group] ?? {}).length;
    if (!app.authentication || count('triggers') + count('creates') + count('searches') === 0) throw new Error(`${zip} does not export the app`);
    const core = require(path.join(dir, 'node_modules', 'zapier-platform-core', 'package.json')).version;
    console.log(`   loads from the zip: ${count('triggers')} triggers, ${count('creates')} creates, ${count('searches')} searches, zapier-platform-core ${core}`);
    console.log(`   build.zip: ${fs.statSync(zip).size} bytes (dist/index.js, the app with the core bundled: ${fs.statSync(path.join(dir, 'dist', 'index.js')).size} bytes)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(`zapier/check-build.cjs: ${error.message}`);
  process.exit(1);
});
