/**
 * End to end, in the real hosts: the stack `npm start` runs (sandbox + a real n8n with the pack
 * loaded as a custom extension, demo credentials, the example workflows), driven through n8n's
 * REST API and its editor in headless Chromium; the effects are read from the sandbox.
 *
 * Needs the n8n runtime (`node dist/scripts/install-runtime.js`, which `npm run test:e2e` runs
 * first) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO } from '../../sandbox';
import { DEMO_CREDENTIALS, DEMO_OWNER, defaultRuntimeDir, examplesDir, provisionDemo, startStack, type N8nExecution, type N8nWorkflow, type Stack } from '../../scripts/stack';

jest.setTimeout(180_000);

const root = resolve(__dirname, '..', '..');
const ARTIFACTS = join(root, 'test', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Row = Record<string, unknown>;
type Dump = Record<string, Row[]>;

let stack: Stack;
let dataDir: string;

const freePort = () =>
  new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pack-e2e-'));
  stack = await startStack({
    root,
    runtimeDir: defaultRuntimeDir(root),
    dataDir,
    sandboxPort: await freePort(),
    n8nPort: await freePort(),
    stepMs: 100,
    log: () => undefined,
  });
}, 600_000);

afterAll(async () => {
  await stack?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const dump = async (): Promise<Dump> => (await (await fetch(`${stack.sandbox.url}/_sandbox/dump`)).json()) as Dump;
const workflow = (file: string): N8nWorkflow => {
  const found = stack.demo.workflows[file];
  if (!found) throw new Error(`example ${file} was not imported`);
  return found;
};
const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

/** Runs a saved example from its manual trigger and waits for the end: it must succeed. */
async function run(example: Pick<N8nWorkflow, 'id' | 'name'>): Promise<N8nExecution> {
  const execution = await stack.rest.waitForExecution(await stack.rest.run(example, MANUAL_TRIGGER));
  expect({ workflow: example.name, status: execution.status }).toEqual({ workflow: example.name, status: 'success' });
  return execution;
}

/** n8n runs the saved version: a variant is saved, run, and the example put back. */
async function runVariant(example: N8nWorkflow, nodeName: string, change: (node: N8nWorkflow['nodes'][number]) => N8nWorkflow['nodes'][number]): Promise<N8nExecution> {
  const original = await stack.rest.workflow(example.id);
  await stack.rest.updateWorkflow(example.id, { nodes: original.nodes.map((node) => (node.name === nodeName ? change(node) : node)) });
  try {
    return await run(example);
  } finally {
    await stack.rest.updateWorkflow(example.id, { nodes: original.nodes });
  }
}

/** Polls the sandbox until `check` passes (message processing and webhooks are asynchronous). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}

// Labels are upserted by name case-insensitively: the demo's "customers" takes "Customers".
const labelId = (d: Dump, name: string) => d.labels?.find((label) => label.name_key === name.toLowerCase())?.id;
const linked = (d: Dump, label: string) =>
  (d.label_contacts ?? []).filter((row) => row.label_id === labelId(d, label)).map((row) => row.destination as string).sort();
const taggedChats = (d: Dump, tagName: string) => {
  const tag = d.ryze_tags?.find((t) => t.name === tagName && t.instance === DEMO.ryzeInstance && t.deleted === 0);
  return (d.ryze_chat_tags ?? []).filter((row) => row.tag_id === tag?.id && row.instance === DEMO.ryzeInstance).map((row) => row.chat_jid as string);
};

describe('npm start stack', () => {
  it('n8n loaded the pack: its four nodes, and the two action nodes as AI agent tools', async () => {
    const types = await stack.rest.nodeTypes();
    expect(types.filter((type) => type.startsWith('CUSTOM.')).sort()).toEqual(
      ['CUSTOM.pilotStatus', 'CUSTOM.pilotStatusTool', 'CUSTOM.pilotStatusTrigger', 'CUSTOM.ryzeApi', 'CUSTOM.ryzeApiTool', 'CUSTOM.ryzeApiTrigger'].sort(),
    );
  });

  it('has the demo credentials and the four example workflows, and a second provisioning adds none', async () => {
    expect(Object.keys(stack.demo.workflows).sort()).toEqual(['delivery-events', 'import-csv-and-send', 'label-chat-by-name', 'send-with-labels']);
    // What a restart of npm start does against the same n8n home.
    const again = await provisionDemo(stack.rest, stack.sandbox, examplesDir(root));
    expect(again.credentials).toEqual(stack.demo.credentials);
    expect(Object.values(again.workflows).map((w) => w.id).sort()).toEqual(Object.values(stack.demo.workflows).map((w) => w.id).sort());
    expect((await stack.rest.credentials()).map((credential) => credential.name).sort()).toEqual(Object.values(DEMO_CREDENTIALS).sort());
    expect((await stack.rest.workflows()).map((w) => w.name).sort()).toEqual(Object.values(stack.demo.workflows).map((w) => w.name).sort());
  });
});

describe('example workflows through n8n', () => {
  it('send with labels: a queued message, both labels created, the destination linked (30-day key)', async () => {
    const execution = await run(workflow('send-with-labels'));
    expect(execution.data).toContain('QUEUED');
    const after = await eventually(dump, (d) => linked(d, 'VIP').length > 0 && linked(d, 'Customers').length > 0);
    expect(after.messages?.filter((m) => m.destination === '+5511988887777')).toHaveLength(1);
    expect(linked(after, 'VIP')).toEqual(['+5511988887777']);
    expect(linked(after, 'Customers')).toEqual(['+5511988887777']);
  });

  it('the same send with the retention-0 key: labels upserted, the destination kept nowhere', async () => {
    const credentialId = stack.demo.credentials[DEMO_CREDENTIALS.pilotStatus0]!;
    await runVariant(workflow('send-with-labels'), 'Send Welcome', (node) => ({
      ...node,
      parameters: { ...(node.parameters as Row), destination: '+55 31 97777-6666', options: { labels: 'Retention zero' } },
      credentials: { pilotStatusApi: { id: credentialId, name: DEMO_CREDENTIALS.pilotStatus0 } },
    }));
    const after = await eventually(dump, (d) => (d.messages ?? []).some((m) => m.labels === '["Retention zero"]' && m.status !== 'QUEUED'));
    expect(labelId(after, 'Retention zero')).toBeDefined();
    expect(linked(after, 'Retention zero')).toEqual([]);
    expect(JSON.stringify(after)).not.toContain('31977776666');
  });

  it('label a chat by name: the tag is created once and assigned', async () => {
    await run(workflow('label-chat-by-name'));
    await run(workflow('label-chat-by-name'));
    const after = await dump();
    expect(after.ryze_tags?.filter((tag) => tag.name === 'Hot lead' && tag.deleted === 0).map((tag) => tag.color)).toEqual([3]);
    expect(taggedChats(after, 'Hot lead')).toEqual(['5521987654321@s.whatsapp.net']);
  });

  it('import a CSV and send to each row: one message per row, every row labelled', async () => {
    const execution = await run(workflow('import-csv-and-send'));
    expect(execution.data).toContain('Bruno Lima');
    const after = await eventually(dump, (d) => linked(d, 'Imported').length === 3);
    expect(linked(after, 'Imported')).toEqual(['+5511988887777', '+5521987654321', '120363025246125486@g.us']);
  });

  it('react to delivery events: activation registers the webhook, a delivery tags the chat, deactivation removes it', async () => {
    // Earlier examples' messages finish first, so the only delivery after activation is ours.
    const settled = await eventually(dump, (d) => (d.messages ?? []).every((m) => !['QUEUED', 'SENT'].includes(m.status as string)));
    expect((settled.messages ?? []).filter((m) => ['QUEUED', 'SENT'].includes(m.status as string))).toEqual([]);
    const events = workflow('delivery-events');
    // n8n 2.x answers the activation first and starts the triggers right after.
    await stack.rest.activate(events.id);
    const registered = (await eventually(dump, (d) => (d.webhooks ?? []).length > 0)).webhooks ?? [];
    expect(registered.map((webhook) => webhook.url)).toEqual([expect.stringMatching(new RegExp(`^${stack.n8n.url}/webhook/`))]);

    // A new message to a chat that has no "Delivered" tag yet: its delivery event runs the workflow.
    await runVariant(workflow('send-with-labels'), 'Send Welcome', (node) => ({
      ...node,
      parameters: { ...(node.parameters as Row), destination: '+55 21 98765-4321', options: {} },
    }));
    const tagged = await eventually(dump, (d) => taggedChats(d, 'Delivered').length > 0, 60_000);
    expect(taggedChats(tagged, 'Delivered')).toEqual(['5521987654321@s.whatsapp.net']);
    const runs = await stack.rest.executions(events.id);
    expect(runs.map((execution) => execution.status)).toContain('success');

    await stack.rest.deactivate(events.id);
    expect((await eventually(dump, (d) => (d.webhooks ?? []).length === 0)).webhooks ?? []).toEqual([]);
  });
});

describe('the n8n editor in Chromium', () => {
  it('opens an example workflow with the pack’s nodes on the canvas', async () => {
    expect(existsSync(CHROMIUM)).toBe(true); // install Debian's chromium, or set CHROMIUM_PATH
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${stack.n8n.url}/signin`);
      await page.getByLabel(/email/i).fill(DEMO_OWNER.email);
      await page.getByLabel(/password/i).fill(DEMO_OWNER.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

      await page.goto(`${stack.n8n.url}/workflow/${workflow('import-csv-and-send').id}`);
      for (const name of ['Import Contacts', 'Send to Each Row', 'Download Contacts CSV']) {
        await page.locator('[data-test-id="canvas-node"]', { hasText: name }).first().waitFor({ timeout: 60_000 });
      }
      const onCanvas = await page.locator('[data-test-id="canvas-node"]').allInnerTexts();
      expect(onCanvas.join('\n')).toContain('Import Contacts');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'n8n-editor.png') });
    } finally {
      await browser.close();
    }
  });
});
