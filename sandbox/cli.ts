import { parseArgs } from 'node:util';
import { DEMO, startSandbox } from './index';
import { DEFAULT_OPTIONS } from './options';

const HELP = `npm run sandbox -- [options]

A local PilotStatus + RyzeAPI server with demo data, for trying the pack without accounts.

  --port <n>              port to listen on (default ${DEFAULT_OPTIONS.port}; 0 = any free port)
  --host <addr>           address to bind (default ${DEFAULT_OPTIONS.host})
  --db <path>             SQLite file (default ${DEFAULT_OPTIONS.databasePath}); ":memory:" keeps nothing
  --rate-limit <n>        RyzeAPI requests per token per window (default ${DEFAULT_OPTIONS.ryzeRateLimit.limit})
  --rate-window-ms <n>    length of that window (default ${DEFAULT_OPTIONS.ryzeRateLimit.windowMs})
  --step-ms <n>           message processing step: status changes, webhooks (default ${DEFAULT_OPTIONS.stepMs})
  --duplicate-every <n>   send every Nth webhook delivery twice (default ${DEFAULT_OPTIONS.duplicateDeliveryEvery}; 0 = never)
  --no-seed               do not add demo data to an empty database
  --quiet                 no request log
  -h, --help              this text`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-window-ms': { type: 'string' },
      'step-ms': { type: 'string' },
      'duplicate-every': { type: 'string' },
      'no-seed': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(HELP);

  const number = (flag: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${flag} must be a whole number, got "${value}"`);
    return parsed;
  };
  const sandbox = await startSandbox({
    port: number('port', values.port, DEFAULT_OPTIONS.port),
    host: values.host ?? DEFAULT_OPTIONS.host,
    databasePath: values.db ?? DEFAULT_OPTIONS.databasePath,
    seed: !values['no-seed'],
    ryzeRateLimit: {
      limit: number('rate-limit', values['rate-limit'], DEFAULT_OPTIONS.ryzeRateLimit.limit),
      windowMs: number('rate-window-ms', values['rate-window-ms'], DEFAULT_OPTIONS.ryzeRateLimit.windowMs),
    },
    stepMs: number('step-ms', values['step-ms'], DEFAULT_OPTIONS.stepMs),
    duplicateDeliveryEvery: number('duplicate-every', values['duplicate-every'], DEFAULT_OPTIONS.duplicateDeliveryEvery),
    log: values.quiet ? () => undefined : (line) => console.log(`${new Date().toISOString()} ${line}`),
  });

  console.log(`Sandbox listening on ${sandbox.url}  (database: ${sandbox.context.db.path})
  PilotStatus base URL  ${sandbox.pilotStatusUrl}
    number key, retention 0    ${DEMO.keyRetention0}
    number key, retention 30   ${DEMO.keyRetention30}
    tenant key                 ${DEMO.tenantKey}
  RyzeAPI base URL      ${sandbox.ryzeApiUrl}
    instance "${DEMO.ryzeInstance}" token  ${DEMO.ryzeInstanceToken}   (account token ${DEMO.ryzeAccountToken})
    instance "${DEMO.ryzeOfflineInstance}" is disconnected (503)
  Inspect and control: ${sandbox.url}/_sandbox/...   Ctrl-C to stop.`);

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
