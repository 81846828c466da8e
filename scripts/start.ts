/**
 * `npm start`: the sandbox with demo data and a real n8n with this pack, the demo owner,
 * credentials and example workflows in it. The first start installs Node 24 and n8n under
 * `.runtime/` (a few minutes); later starts reuse them. Ctrl-C stops everything.
 *
 *   npm start                                  sandbox on 4010, n8n on 5678
 *   npm start -- --n8n-port 5679 --sandbox-port 4011 --data .demo-data
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO } from '../sandbox';
import { DEMO_CREDENTIALS, DEMO_OWNER, defaultRuntimeDir, startStack, type Stack } from './stack';

const root = resolve(__dirname, '..', '..');

const HELP = `Usage: npm start [-- options]

Starts the PilotStatus + RyzeAPI sandbox and a real n8n with this pack loaded, signs in the demo
owner, creates credentials for the sandbox and imports the example workflows.

Options:
  --n8n-port <port>       n8n's port (default 5678)
  --sandbox-port <port>   the sandbox's port (default 4010)
  --data <dir>            n8n's home and the sandbox database (default .demo-data)
  --runtime <dir>         where Node 24 and n8n are installed (default .runtime, or PACK_RUNTIME_DIR)
  --verbose               print one line per sandbox request
  -h, --help              this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'n8n-port': { type: 'string', default: '5678' },
      'sandbox-port': { type: 'string', default: '4010' },
      data: { type: 'string', default: join(root, '.demo-data') },
      runtime: { type: 'string', default: defaultRuntimeDir(root) },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const log = (line: string) => console.log(line);
  let stack: Stack | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping n8n and the sandbox…`);
    await stack?.close();
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('Ctrl-C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  stack = await startStack({
    root,
    runtimeDir: resolve(values.runtime),
    dataDir: resolve(values.data),
    n8nPort: port(values['n8n-port'], '--n8n-port'),
    sandboxPort: port(values['sandbox-port'], '--sandbox-port'),
    log,
    ...(values.verbose ? { sandboxLog: (line: string) => log(`  sandbox: ${line}`) } : {}),
  });
  if (stopping) return;

  const { n8n, sandbox, demo } = stack;
  log(`
Ready.

  n8n editor   ${n8n.url}
               sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}
  Sandbox      ${sandbox.url}   (PilotStatus at ${sandbox.pilotStatusUrl}, RyzeAPI at ${sandbox.ryzeApiUrl})
               see what happened: ${sandbox.url}/_sandbox/labels , ${sandbox.url}/_sandbox/dump

  Credentials  ${Object.values(DEMO_CREDENTIALS).join('\n               ')}
  Workflows    ${Object.values(demo.workflows).map((workflow) => `${workflow.name}  ${n8n.url}/workflow/${workflow.id}`).join('\n               ')}

  Demo keys    PilotStatus ${DEMO.keyRetention30} (30 days), ${DEMO.keyRetention0} (retention 0)
               RyzeAPI instance "${DEMO.ryzeInstance}", token ${DEMO.ryzeInstanceToken}

Press Ctrl-C to stop.`);
}

function port(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${option} must be a port number (1–65535), got "${text}"`);
  return value;
}

main().catch((error: unknown) => {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
