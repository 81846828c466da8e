/**
 * Fuzz through Zapier's face: 10,000 inputs per validator that are invalid by construction (see
 * fuzz-inputs.ts) as a step's inputData. The first 40 of each go through createAppTester (the
 * full lambda handler: bundle cleaning, z.request, Zapier's checks); all 10,000 through the app's
 * own perform functions with a `z` taken from a createAppTester run (a whole lambda run costs
 * ~2.5 ms, a perform ~0.05 ms). Every run must fail with a typed Zapier error carrying the core's
 * VALIDATION_FAILED, and not one request may reach the service.
 *
 * Why only 40 whole runs per validator: zapier-platform-core's memory checker calls
 * process.exit(1) once a process has made more than 250 lambda runs while its RSS is above 450 MB,
 * which a jest worker that also loaded n8n easily is. Each test file keeps under 250 runs.
 */
import '../zapier/env';

import type { Bundle, ZObject } from 'zapier-platform-core';

import PilotStatusApp from '../../zapier/pilotstatus/src';
import RyzeApiApp from '../../zapier/ryzeapi/src';
import type { TestSandbox } from '../sandbox/harness';
import { partsOf, pilotAuth, ryzeAuth, type Run } from '../zapier/helpers';
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
} from './fuzz-inputs';
import { startMatrixSandbox } from './matrix';
import { zapierRunner } from './zapier-host';

jest.setTimeout(120_000);

const PER_VALIDATOR = 10_000;
/** Whole lambda runs per validator: 5 × 40 + 2 stays under zapier-platform-core's 250-run memory check. */
const THROUGH_LAMBDA = 40;

const pilot = zapierRunner(PilotStatusApp);
const ryze = zapierRunner(RyzeApiApp);
const ps = partsOf(PilotStatusApp);
const rz = partsOf(RyzeApiApp);

type Perform = (z: ZObject, bundle: Partial<Bundle>) => Promise<unknown>;

let sb: TestSandbox;
let pilotZ: ZObject;
let ryzeZ: ZObject;
beforeAll(async () => {
  sb = await startMatrixSandbox();
  // A z object as a step gets it (z.request, z.errors…), from a real createAppTester run.
  await pilot(async (z: ZObject) => {
    pilotZ = z;
    return {};
  }, { authData: pilotAuth(sb) });
  await ryze(async (z: ZObject) => {
    ryzeZ = z;
    return {};
  }, { authData: ryzeAuth(sb) });
});
afterAll(async () => sb?.close());
beforeEach(async () => {
  await sb.http('POST', '/_sandbox/reset');
});

async function serviceRequests(): Promise<string[]> {
  const { requests } = (await sb.http('GET', '/_sandbox/requests')).body as { requests: { method: string; route: string }[] };
  return requests.filter((r) => !r.route.startsWith('/_sandbox')).map((r) => `${r.method} ${r.route}`);
}

const generatorBugs = <T>(inputs: T[], check: (input: T) => string | undefined) => inputs.map(check).filter((bug): bug is string => bug !== undefined).slice(0, 5);

/** Runs every input, first through the whole lambda, then through the perform; returns the breaches. */
async function fuzzStep(run: Run, z: ZObject, perform: unknown, authData: Record<string, string>, inputs: Record<string, unknown>[]) {
  const breaches: string[] = [];
  let refused = 0;
  const judge = (index: number, how: string, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => {
    const at = `${how} ${index} (${JSON.stringify(inputs[index]).slice(0, 120)})`;
    if (outcome.ok) return void breaches.push(`${at}: not refused: ${JSON.stringify(outcome.value).slice(0, 160)}`);
    const { name, message } = outcome.error as Error;
    let said: { message?: string; code?: string } = {};
    try {
      said = JSON.parse(message) as typeof said;
    } catch {
      // not Zapier's JSON form: reported below
    }
    if (name !== 'AppError' || said.code !== 'VALIDATION_FAILED') breaches.push(`${at}: untyped ${name}: ${message.slice(0, 200)}`);
    else if (typeof said.message !== 'string' || said.message.length < 10 || /\bundefined\b|\[object Object\]/.test(said.message)) breaches.push(`${at}: message "${String(said.message)}"`);
    else refused += 1;
  };
  for (const [index, inputData] of inputs.slice(0, THROUGH_LAMBDA).entries()) {
    judge(index, 'lambda', await run(perform, { authData, inputData }).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })));
  }
  for (const [index, inputData] of inputs.entries()) {
    const bundle: Partial<Bundle> = { authData, inputData, meta: {} as Bundle['meta'] };
    judge(index, 'perform', await (perform as Perform)(z, bundle).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })));
  }
  return { refused, breaches: breaches.slice(0, 5) };
}

const expected = { refused: PER_VALIDATOR + THROUGH_LAMBDA, breaches: [] };

describe(`Zapier: ${PER_VALIDATOR.toLocaleString('en-US')} invalid inputs per validator, never a request`, () => {
  it('phone / destination (Send Message → Destination)', async () => {
    const phones = badPhones(PER_VALIDATOR, { textOnly: true });
    expect(generatorBugs(phones, checkBadPhone)).toEqual([]);
    const inputs = phones.map((destination) => ({ destination, mode: 'text', text: 'Hi' }));
    expect(await fuzzStep(pilot, pilotZ, ps.create('send_message').operation.perform, pilotAuth(sb), inputs)).toEqual(expected);
    expect(await serviceRequests()).toEqual([]);
  });

  it('send request (Send Message: template, text and media fields)', async () => {
    const cases = badSends(PER_VALIDATOR);
    expect(generatorBugs(cases, checkBadSend)).toEqual([]);
    const inputs = cases.map((c) => ({ destination: VALID_PHONE, ...c, ...(c.buttons && c.buttons.length === 0 ? { buttons: undefined } : {}) }));
    expect(await fuzzStep(pilot, pilotZ, ps.create('send_message').operation.perform, pilotAuth(sb), inputs)).toEqual(expected);
    expect(await serviceRequests()).toEqual([]);
  });

  it('label list (Send Message → Labels)', async () => {
    const lists = badLabelLists(PER_VALIDATOR, { textOnly: true });
    expect(generatorBugs(lists, checkBadLabels)).toEqual([]);
    const inputs = lists.map((labels) => ({ destination: VALID_PHONE, mode: 'text', text: 'Hi', labels }));
    expect(await fuzzStep(pilot, pilotZ, ps.create('send_message').operation.perform, pilotAuth(sb), inputs)).toEqual(expected);
    expect(await serviceRequests()).toEqual([]);
  });

  it('tag name with any color (Create Tag)', async () => {
    const tags = badTags(PER_VALIDATOR, { textOnly: true });
    expect(generatorBugs(tags, checkBadTag)).toEqual([]);
    const inputs = tags.map(({ name, color }) => ({ name, ...(color === undefined ? {} : { color: String(color) }) }));
    expect(await fuzzStep(ryze, ryzeZ, rz.create('create_tag').operation.perform, ryzeAuth(sb), inputs)).toEqual(expected);
    expect(await serviceRequests()).toEqual([]);
  });

  it('chat id (Assign Tag → Chat)', async () => {
    const chats = badChats(PER_VALIDATOR, { textOnly: true });
    expect(generatorBugs(chats, checkBadChat)).toEqual([]);
    const inputs = chats.map((number) => ({ number, tagId: '1' }));
    expect(await fuzzStep(ryze, ryzeZ, rz.create('assign_tag').operation.perform, ryzeAuth(sb), inputs)).toEqual(expected);
    expect(await serviceRequests()).toEqual([]);
  });

  it('tag color: a color off the palette is sent as 0 and reported normalized, never an error', async () => {
    const colors = badColors(300);
    expect(generatorBugs(colors, checkBadColor)).toEqual([]);
    const perform = rz.create('create_tag').operation.perform as Perform;
    const created = [];
    for (const [n, color] of colors.entries()) created.push(await perform(ryzeZ, { authData: ryzeAuth(sb), inputData: { name: `Color ${n}`, color: String(color) }, meta: {} as Bundle['meta'] }));
    expect(created.filter((tag) => !(tag as { color?: unknown; colorNormalized?: unknown }).colorNormalized || (tag as { color?: unknown }).color !== 0)).toEqual([]);
    expect((await serviceRequests()).filter((r) => r === 'POST /api/chat/tag/:instance')).toHaveLength(colors.length);
  });
});
