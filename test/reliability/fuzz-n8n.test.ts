/**
 * Fuzz through n8n's face: 10,000 inputs per validator that are invalid by construction (see
 * fuzz-inputs.ts), mapped by expressions into the node's parameters, one item each, in one
 * workflow per validator (three for send requests: one per message type) with "Continue" on
 * error. Every item must come out as its own typed validation error (the core's
 * VALIDATION_FAILED with field/rule issues), and not one request may reach the service.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type LoadedPackage } from '../n8n/harness';
import type { TestSandbox } from '../sandbox/harness';
import {
  badChats,
  badColors,
  badLabelLists,
  badPhones,
  badSends,
  badTags,
  checkBadChat,
  checkBadColor,
  checkBadLabels,
  checkBadPhone,
  checkBadSend,
  checkBadTag,
  VALID_PHONE,
  type SendCase,
} from './fuzz-inputs';
import { DEMO, startMatrixSandbox } from './matrix';
import { n8nPackage } from './n8n-host';

jest.setTimeout(120_000);

const PER_VALIDATOR = 10_000;

let pkg: LoadedPackage;
let sb: TestSandbox;
beforeAll(async () => {
  [pkg, sb] = await Promise.all([n8nPackage(), startMatrixSandbox()]);
});
afterAll(async () => sb?.close());

/** Requests that reached either service (the sandbox records route patterns). */
async function serviceRequests(): Promise<string[]> {
  const { requests } = (await sb.http('GET', '/_sandbox/requests')).body as { requests: { method: string; route: string }[] };
  return requests.filter((r) => !r.route.startsWith('/_sandbox')).map((r) => `${r.method} ${r.route}`);
}

const generatorBugs = <T>(inputs: T[], check: (input: T) => string | undefined) => inputs.map(check).filter((bug): bug is string => bug !== undefined).slice(0, 5);

/** Runs the node over all items; returns the per-item rule breaches (first few) and the counts. */
async function fuzzNode(node: 'pilotStatus' | 'ryzeApi', parameters: INodeParameters, input: IDataObject[]) {
  const result = await runWorkflow({
    pkg,
    nodes: [{ name: 'Node', type: pkg.typeName(node), parameters, onError: 'continueRegularOutput' }],
    credentials: {
      pilotStatusApi: { apiKey: DEMO.keyRetention30, retentionDays: 30, baseUrl: sb.sandbox.pilotStatusUrl },
      ryzeApi: { instance: DEMO.ryzeInstance, token: DEMO.ryzeInstanceToken, baseUrl: sb.sandbox.ryzeApiUrl },
    },
    input,
  });
  const out = result.output('Node')[0] ?? [];
  const breaches: string[] = [];
  const rules = new Set<string>();
  out.forEach((item, index) => {
    const paired = (item.pairedItem as { item?: number }).item;
    const error = item.json.error as IDataObject | undefined;
    const at = `item ${index} (${JSON.stringify(input[index]).slice(0, 120)})`;
    if (paired !== index) breaches.push(`${at}: paired with ${paired}`);
    if (!error) return void breaches.push(`${at}: not refused: ${JSON.stringify(item.json).slice(0, 200)}`);
    if (error.name !== 'ValidationError' || error.code !== 'VALIDATION_FAILED') breaches.push(`${at}: untyped ${String(error.name)} ${String(error.code)}: ${String(error.message)}`);
    if (typeof error.message !== 'string' || error.message.length < 10 || /\bundefined\b|\[object Object\]/.test(error.message)) breaches.push(`${at}: message "${String(error.message)}"`);
    const issues = error.issues as IDataObject[] | undefined;
    if (!Array.isArray(issues) || issues.length === 0) return void breaches.push(`${at}: no issues`);
    for (const issue of issues) {
      if (typeof issue.field !== 'string' || issue.field === '' || typeof issue.rule !== 'string' || issue.rule === '') breaches.push(`${at}: issue without field/rule ${JSON.stringify(issue)}`);
      else if (typeof issue.message !== 'string' || !issue.message.startsWith(issue.field)) breaches.push(`${at}: issue message does not name its field ${JSON.stringify(issue)}`);
      rules.add(String(issue.rule));
    }
  });
  return { executionError: result.executionError?.message, items: out.length, breaches: breaches.slice(0, 5), rules: [...rules].sort(), ms: Math.round(result.durationMs) };
}

const sendNode = (parameters: INodeParameters): INodeParameters => ({ resource: 'message', operation: 'send', ...parameters });
const deliverAt = { deliverAt: '={{ $json.deliverAt }}' };

/** Each message type's own fields, every one mapped from the item. */
const SEND_PARAMETERS: Record<SendCase['mode'], INodeParameters> = {
  template: sendNode({ destination: VALID_PHONE, messageType: 'template', template: { __rl: true, mode: 'id', value: '={{ $json.templateId }}' }, options: deliverAt }),
  text: sendNode({
    destination: VALID_PHONE,
    messageType: 'text',
    text: '={{ $json.text }}',
    // One row per button, each mapped (n8n drops an expression given for the whole list).
    buttons: { button: [0, 1, 2, 3, 4].map((i) => ({ text: `={{ ($json.buttons ?? [])[${i}] ?? "" }}`, id: '' })) },
    header: '={{ $json.header }}',
    footer: '={{ $json.footer }}',
    options: deliverAt,
  }),
  media: sendNode({ destination: VALID_PHONE, messageType: 'media', media: '={{ $json.media }}', mediaType: '={{ $json.mediaType || "auto" }}', caption: '={{ $json.caption }}', options: deliverAt }),
};

describe(`n8n: ${PER_VALIDATOR.toLocaleString('en-US')} invalid inputs per validator, never a request`, () => {
  beforeEach(async () => {
    await sb.http('POST', '/_sandbox/reset');
  });

  it('phone / destination (PilotStatus Send → Phone Number)', async () => {
    const phones = badPhones(PER_VALIDATOR);
    expect(generatorBugs(phones, checkBadPhone)).toEqual([]);
    const seen = await fuzzNode('pilotStatus', sendNode({ destination: '={{ $json.phone }}', messageType: 'text', text: 'Hi' }), phones.map((phone) => ({ phone }) as IDataObject));
    expect(seen).toMatchObject({ executionError: undefined, items: PER_VALIDATOR, breaches: [] });
    expect(seen.rules).toEqual(expect.arrayContaining(['phone.invalid_characters', 'phone.too_short', 'phone.too_long']));
    expect(await serviceRequests()).toEqual([]);
  });

  it('send request (PilotStatus Send: template, text and media fields)', async () => {
    const cases = badSends(PER_VALIDATOR);
    expect(cases).toHaveLength(PER_VALIDATOR);
    expect(generatorBugs(cases, checkBadSend)).toEqual([]);
    const rules = new Set<string>();
    let total = 0;
    for (const mode of ['template', 'text', 'media'] as const) {
      const input = cases.filter((c) => c.mode === mode).map(({ mode: _mode, ...fields }) => fields as IDataObject);
      const seen = await fuzzNode('pilotStatus', SEND_PARAMETERS[mode], input);
      expect({ mode, ...seen, rules: undefined }).toMatchObject({ mode, executionError: undefined, items: input.length, breaches: [] });
      seen.rules.forEach((rule) => rules.add(rule));
      total += seen.items;
    }
    expect(total).toBe(PER_VALIDATOR);
    expect([...rules]).toEqual(expect.arrayContaining(['string.too_big', 'array.too_big', 'mode.required', 'mode.field_not_allowed', 'deliver_at.past', 'deliver_at.format']));
    expect(await serviceRequests()).toEqual([]);
  });

  it('label list (PilotStatus Send → Options → Labels)', async () => {
    const lists = badLabelLists(PER_VALIDATOR);
    expect(generatorBugs(lists, checkBadLabels)).toEqual([]);
    const seen = await fuzzNode('pilotStatus', sendNode({ destination: VALID_PHONE, messageType: 'text', text: 'Hi', options: { labels: '={{ $json.labels }}' } }), lists.map((labels) => ({ labels }) as IDataObject));
    expect(seen).toMatchObject({ executionError: undefined, items: PER_VALIDATOR, breaches: [] });
    expect(seen.rules).toEqual(expect.arrayContaining(['label.too_long', 'labels.too_many', 'label.type']));
    expect(await serviceRequests()).toEqual([]);
  });

  it('tag name with any color (RyzeAPI Create)', async () => {
    const tags = badTags(PER_VALIDATOR);
    expect(generatorBugs(tags, checkBadTag)).toEqual([]);
    const seen = await fuzzNode('ryzeApi', { resource: 'tag', operation: 'create', name: '={{ $json.name }}', color: '={{ $json.color }}' }, tags.map(({ name, color }) => ({ name, color }) as IDataObject));
    expect(seen).toMatchObject({ executionError: undefined, items: PER_VALIDATOR, breaches: [] });
    expect(seen.rules).toEqual(expect.arrayContaining(['tag.empty', 'tag.type']));
    expect(await serviceRequests()).toEqual([]);
  });

  it('chat id (RyzeAPI Assign → Chat)', async () => {
    const chats = badChats(PER_VALIDATOR);
    expect(generatorBugs(chats, checkBadChat)).toEqual([]);
    const seen = await fuzzNode('ryzeApi', { resource: 'tag', operation: 'assign', chat: '={{ $json.chat }}', tag: { __rl: true, mode: 'id', value: '1' } }, chats.map((chat) => ({ chat }) as IDataObject));
    expect(seen).toMatchObject({ executionError: undefined, items: PER_VALIDATOR, breaches: [] });
    expect(await serviceRequests()).toEqual([]);
  });

  it('tag color: a color off the palette is sent as 0 and reported normalized, never an error', async () => {
    const colors = badColors(500);
    expect(generatorBugs(colors, checkBadColor)).toEqual([]);
    const result = await runWorkflow({
      pkg,
      nodes: [{ name: 'Node', type: pkg.typeName('ryzeApi'), parameters: { resource: 'tag', operation: 'create', name: '={{ "Color " + $json.n }}', color: '={{ $json.color }}' }, onError: 'continueRegularOutput' }],
      credentials: { ryzeApi: { instance: DEMO.ryzeInstance, token: DEMO.ryzeInstanceToken, baseUrl: sb.sandbox.ryzeApiUrl } },
      input: colors.map((color, n) => ({ color, n })),
    });
    const out = result.json('Node');
    expect(out).toHaveLength(colors.length);
    expect(out.filter((json) => !(json.color === 0 && json.colorNormalized === true && json.colorName === 'Coral Red'))).toEqual([]);
    expect((await serviceRequests()).filter((r) => r === 'POST /api/chat/tag/:instance')).toHaveLength(colors.length);
  });
});
