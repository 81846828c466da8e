/**
 * Parity of the two faces of the pack: the same input vectors, each written once as a neutral
 * object, are mapped to n8n node parameters and to Zapier inputData, run through each host
 * (n8n-core's WorkflowExecute over the built n8n/dist; Zapier's createAppTester over the app's
 * source) against ONE local recording server that plays PilotStatus and RyzeAPI. Then:
 *  - valid vectors: the recorded requests (method, path, query, JSON body) of the two faces are
 *    deep-equal and equal the expected request; both sent the service's auth header; the n8n
 *    output item and the Zapier result agree (and equal the expected values) on the fields both
 *    expose;
 *  - invalid vectors: neither face sends a request, and both errors carry the same core issue
 *    (the core's own verdict on the input gives field, rule and wording): n8n names the core
 *    field, Zapier the label of its field, each followed by the same rule text.
 *
 * Needs n8n/dist: `node n8n/build.mjs` (npm test builds it before jest).
 */
import type { INodeParameters } from 'n8n-workflow';

import { DESTINATION_FIELD, parseRyzeChatId, type DestinationKind } from '../../shared/destinations';
import type { ValidationIssue } from '../../shared/errors';
import { parseResourceId } from '../../shared/http';
import { parseSendRequest, type MediaType } from '../../shared/send';
import { parseTagName } from '../../shared/tags';
import { loadFaces, RETENTION_DAYS, RYZE_INSTANCE, SECRETS, type FaceOutcome, type Faces, type Operation } from './faces';
import { FIXED, startRecordingServer, type RecordedRequest, type RecordingServer } from './recording-server';

// ---------------------------------------------------------------------------------------------
// Neutral vectors

type Destination = { readonly kind: 'phone' | 'group' | 'channel'; readonly value: string };

type NeutralMessage =
  | { readonly type: 'template'; readonly templateId: string; readonly variables?: Record<string, string> }
  | { readonly type: 'text'; readonly text: string; readonly buttons?: readonly string[]; readonly header?: string; readonly footer?: string }
  | { readonly type: 'media'; readonly media: string; readonly mediaType: 'auto' | MediaType; readonly caption?: string };

interface NeutralSend {
  readonly op: 'send';
  readonly to: Destination;
  readonly message: NeutralMessage;
  readonly defaultCountry?: string;
  /** As a user types it: comma-separated names. */
  readonly labels?: string;
  /** ISO 8601 with an offset. */
  readonly deliverAt?: string;
}

interface NeutralCreateTag {
  readonly op: 'createTag';
  readonly name: string;
  /** An index, or (as an n8n expression / a Zapier custom value) a palette name or anything else. */
  readonly color?: number | string;
}

interface NeutralAssignment {
  readonly op: 'assignTag' | 'unassignTag';
  readonly chat: string;
  readonly tagId: string;
  readonly defaultCountry?: string;
  /**
   * The chat comes mapped from an earlier step (an n8n expression; in Zapier a mapped value is
   * plain text either way). n8n's engine itself refuses a required field typed empty before any
   * node runs, so an empty chat reaches n8n's node only this way.
   */
  readonly mapped?: boolean;
}

type Neutral = NeutralSend | NeutralCreateTag | NeutralAssignment;

interface ExpectedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

interface Valid {
  readonly kind: 'valid';
  readonly request: ExpectedRequest;
  /** Values of the shared output fields (see SHARED_OUTPUT), under their neutral names. */
  readonly output: Record<string, unknown>;
}

interface Invalid {
  readonly kind: 'invalid';
  /** The core issue both faces must report. */
  readonly field: string;
  readonly rule: string;
  /** The label of the Zapier field the issue is reported on. */
  readonly zapierLabel: string;
}

interface Vector {
  readonly name: string;
  readonly input: Neutral;
  readonly expect: Valid | Invalid;
}

const PHONE = '+5511988887777';
const GROUP = '120363025246125486@g.us';
const FUTURE = '2030-06-01T09:00:00-03:00';

const sent = (extra: Record<string, unknown> = {}) => ({
  id: FIXED.send.id,
  correlationId: FIXED.send.correlationId,
  status: FIXED.send.status,
  createdAt: FIXED.send.createdAt,
  origin: FIXED.send.origin,
  retention: { linksStored: true, days: RETENTION_DAYS },
  ...extra,
});
const sendRequest = (body: Record<string, unknown>): ExpectedRequest => ({ method: 'POST', path: '/v1/messages/send', query: {}, body });
const tagOutput = (name: string, color: number, colorName: string, colorHex: string, colorNormalized: boolean) => ({
  id: FIXED.createdTagId,
  name,
  color,
  colorName,
  colorHex,
  type: FIXED.tagType,
  deleted: false,
  colorNormalized,
});
const ASSIGNMENTS_PATH = `/api/chat/assignTag/${RYZE_INSTANCE}`;

const VECTORS: Vector[] = [
  // ---- PilotStatus Send Message: valid
  {
    name: 'send: template with variables to a national phone, default country BR',
    input: {
      op: 'send',
      to: { kind: 'phone', value: '(11) 98888-7777' },
      defaultCountry: 'BR',
      message: { type: 'template', templateId: 'tpl_order_update', variables: { name: 'Ana', order: 'A-17' } },
    },
    expect: {
      kind: 'valid',
      request: sendRequest({ destinationNumber: PHONE, templateId: 'tpl_order_update', variables: { name: 'Ana', order: 'A-17' } }),
      output: sent(),
    },
  },
  {
    name: 'send: text with 2 buttons, header and footer to a group',
    input: {
      op: 'send',
      to: { kind: 'group', value: GROUP },
      message: { type: 'text', text: 'Your order is ready. Pick it up?', buttons: ['Yes', 'Tomorrow'], header: 'Order #123', footer: 'Reply STOP to opt out' },
    },
    expect: {
      kind: 'valid',
      request: sendRequest({
        groupId: GROUP,
        text: 'Your order is ready. Pick it up?',
        buttons: [{ text: 'Yes' }, { text: 'Tomorrow' }],
        header: 'Order #123',
        footer: 'Reply STOP to opt out',
      }),
      output: sent(),
    },
  },
  {
    name: 'send: media URL (type automatic) with a caption to a phone',
    input: { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'media', media: 'https://example.com/files/catalog.pdf', mediaType: 'auto', caption: 'Our catalog' } },
    expect: {
      kind: 'valid',
      request: sendRequest({ destinationNumber: PHONE, media: 'https://example.com/files/catalog.pdf', mediaType: 'document', caption: 'Our catalog' }),
      output: sent(),
    },
  },
  {
    name: 'send: labels as comma text ("vip, VIP, customers"), deduplicated case-insensitively',
    input: { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'text', text: 'Welcome!' }, labels: 'vip, VIP, customers' },
    expect: { kind: 'valid', request: sendRequest({ destinationNumber: PHONE, text: 'Welcome!', labels: ['vip', 'customers'] }), output: sent() },
  },
  {
    name: 'send: scheduled with an ISO date-time with offset',
    input: { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'text', text: 'See you tomorrow' }, deliverAt: FUTURE },
    expect: {
      kind: 'valid',
      request: sendRequest({ destinationNumber: PHONE, text: 'See you tomorrow', deliverAt: '2030-06-01T12:00:00.000Z' }),
      output: sent({ deliverAt: '2030-06-01T12:00:00.000Z' }),
    },
  },
  {
    name: 'send: text to a channel',
    input: { op: 'send', to: { kind: 'channel', value: '120363025246125486@newsletter' }, message: { type: 'text', text: 'News!' } },
    expect: { kind: 'valid', request: sendRequest({ newsletterId: '120363025246125486@newsletter', text: 'News!' }), output: sent() },
  },

  // ---- PilotStatus Send Message: invalid (no request, same core issue)
  {
    name: 'send invalid: a phone that is not a number ("abc")',
    input: { op: 'send', to: { kind: 'phone', value: 'abc' }, message: { type: 'text', text: 'hi' } },
    expect: { kind: 'invalid', field: 'destinationNumber', rule: 'phone.invalid_characters', zapierLabel: 'Destination' },
  },
  {
    name: 'send invalid: a caption on audio',
    input: { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'media', media: 'https://example.com/voice.ogg', mediaType: 'audio', caption: 'Listen' } },
    expect: { kind: 'invalid', field: 'caption', rule: 'caption.audio', zapierLabel: 'Caption' },
  },
  {
    name: 'send invalid: 4 buttons',
    input: { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'text', text: 'Pick one', buttons: ['One', 'Two', 'Three', 'Four'] } },
    expect: { kind: 'invalid', field: 'buttons', rule: 'array.too_big', zapierLabel: 'Buttons' },
  },
  {
    name: 'send invalid: deliverAt in the past',
    input: { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'text', text: 'Too late' }, deliverAt: '2020-01-01T09:00:00-03:00' },
    expect: { kind: 'invalid', field: 'deliverAt', rule: 'deliver_at.past', zapierLabel: 'Deliver At' },
  },
  {
    name: 'send invalid: media over ftp://',
    input: { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'media', media: 'ftp://example.com/photo.png', mediaType: 'auto' } },
    expect: { kind: 'invalid', field: 'media', rule: 'media.url_protocol', zapierLabel: 'Media' },
  },

  // ---- RyzeAPI
  {
    name: 'create tag: color 42 is normalized to 0 (Coral Red)',
    input: { op: 'createTag', name: 'Parity 42', color: 42 },
    expect: {
      kind: 'valid',
      request: { method: 'POST', path: `/api/chat/tag/${RYZE_INSTANCE}`, query: {}, body: { name: 'Parity 42', color: 0 } },
      output: tagOutput('Parity 42', 0, 'Coral Red', '#ff9485', true),
    },
  },
  {
    name: 'create tag: color given by name ("Mint Green")',
    input: { op: 'createTag', name: 'Follow up', color: 'Mint Green' },
    expect: {
      kind: 'valid',
      request: { method: 'POST', path: `/api/chat/tag/${RYZE_INSTANCE}`, query: {}, body: { name: 'Follow up', color: 5 } },
      output: tagOutput('Follow up', 5, 'Mint Green', '#55ccb3', false),
    },
  },
  {
    name: 'assign tag to "+55 (11) 98888-7777"',
    input: { op: 'assignTag', chat: '+55 (11) 98888-7777', tagId: '2' },
    expect: {
      kind: 'valid',
      request: { method: 'POST', path: ASSIGNMENTS_PATH, query: {}, body: { number: '5511988887777', tagId: '2' } },
      output: { chat: '5511988887777', tagId: '2' },
    },
  },
  {
    name: 'unassign tag from "+55 (11) 98888-7777"',
    input: { op: 'unassignTag', chat: '+55 (11) 98888-7777', tagId: '2' },
    expect: {
      kind: 'valid',
      request: { method: 'DELETE', path: ASSIGNMENTS_PATH, query: { number: '5511988887777', tagId: '2' }, body: undefined },
      output: { chat: '5511988887777', tagId: '2' },
    },
  },
  {
    name: 'assign tag to a national number with default country BR',
    input: { op: 'assignTag', chat: '(21) 98765-4321', tagId: '1', defaultCountry: 'BR' },
    expect: {
      kind: 'valid',
      request: { method: 'POST', path: ASSIGNMENTS_PATH, query: {}, body: { number: '5521987654321', tagId: '1' } },
      output: { chat: '5521987654321', tagId: '1' },
    },
  },
  {
    name: 'assign invalid: an empty chat (mapped from an earlier step)',
    input: { op: 'assignTag', chat: '', tagId: '2', mapped: true },
    expect: { kind: 'invalid', field: 'number', rule: 'required', zapierLabel: 'Chat' },
  },
  {
    name: 'unassign invalid: a blank chat (spaces typed in the field)',
    input: { op: 'unassignTag', chat: '   ', tagId: '2' },
    expect: { kind: 'invalid', field: 'number', rule: 'required', zapierLabel: 'Chat' },
  },
];

// ---------------------------------------------------------------------------------------------
// The two mappings: neutral → n8n node parameters, neutral → Zapier inputData

/** What a user sets in the n8n node (an expression where only an expression can carry the value). */
function toN8n(input: Neutral): INodeParameters {
  switch (input.op) {
    case 'send': {
      const options: INodeParameters = {
        ...(input.defaultCountry !== undefined ? { defaultCountry: input.defaultCountry } : {}),
        ...(input.labels !== undefined ? { labels: input.labels } : {}),
        ...(input.deliverAt !== undefined ? { deliverAt: input.deliverAt } : {}),
      };
      const m = input.message;
      const message: INodeParameters =
        m.type === 'template'
          ? {
              template: { __rl: true, mode: 'id', value: m.templateId },
              ...(m.variables ? { templateVariables: { variable: Object.entries(m.variables).map(([name, value]) => ({ name, value })) } } : {}),
            }
          : m.type === 'text'
            ? {
                text: m.text,
                ...(m.buttons ? { buttons: { button: m.buttons.map((text) => ({ text })) } } : {}),
                ...(m.header !== undefined ? { header: m.header } : {}),
                ...(m.footer !== undefined ? { footer: m.footer } : {}),
              }
            : { media: m.media, mediaType: m.mediaType, ...(m.caption !== undefined ? { caption: m.caption } : {}) };
      return { destinationType: input.to.kind, destination: input.to.value, messageType: m.type, ...message, options };
    }
    case 'createTag': {
      // The Color dropdown holds the palette indexes; anything else is given by expression.
      const inPalette = typeof input.color === 'number' && Number.isInteger(input.color) && input.color >= 0 && input.color <= 10;
      const color = input.color === undefined ? {} : { color: inPalette ? (input.color as number) : `={{ ${JSON.stringify(input.color)} }}` };
      return { name: input.name, ...color };
    }
    case 'assignTag':
    case 'unassignTag':
      return {
        chat: input.mapped ? `={{ ${JSON.stringify(input.chat)} }}` : input.chat,
        tag: { __rl: true, mode: 'id', value: input.tagId },
        options: input.defaultCountry !== undefined ? { defaultCountry: input.defaultCountry } : {},
      };
  }
}

/** What a Zap step's form holds (Zapier hands every value over as text, lists as arrays). */
function toZapier(input: Neutral): Record<string, unknown> {
  switch (input.op) {
    case 'send': {
      const m = input.message;
      const message =
        m.type === 'template'
          ? { templateId: m.templateId, ...(m.variables ? { variables: { ...m.variables } } : {}) }
          : m.type === 'text'
            ? {
                text: m.text,
                ...(m.buttons ? { buttons: [...m.buttons] } : {}),
                ...(m.header !== undefined ? { header: m.header } : {}),
                ...(m.footer !== undefined ? { footer: m.footer } : {}),
              }
            : { media: m.media, ...(m.mediaType === 'auto' ? {} : { mediaType: m.mediaType }), ...(m.caption !== undefined ? { caption: m.caption } : {}) };
      return {
        destinationType: input.to.kind.toUpperCase(),
        destination: input.to.value,
        mode: m.type,
        ...message,
        ...(input.labels !== undefined ? { labels: input.labels } : {}),
        ...(input.deliverAt !== undefined ? { deliverAt: input.deliverAt } : {}),
        ...(input.defaultCountry !== undefined ? { defaultCountry: input.defaultCountry } : {}),
      };
    }
    case 'createTag':
      return { name: input.name, ...(input.color !== undefined ? { color: String(input.color) } : {}) };
    case 'assignTag':
    case 'unassignTag':
      return { number: input.chat, tagId: input.tagId, ...(input.defaultCountry !== undefined ? { defaultCountry: input.defaultCountry } : {}) };
  }
}

// ---------------------------------------------------------------------------------------------
// The core's own verdict on an input (the reference for the invalid vectors)

const KIND: Record<Destination['kind'], DestinationKind> = { phone: 'PHONE', group: 'GROUP', channel: 'CHANNEL' };

function coreIssues(input: Neutral): readonly ValidationIssue[] {
  const issuesOf = (...parsed: { ok: boolean; issues?: readonly ValidationIssue[] }[]) => parsed.flatMap((p) => (p.ok ? [] : (p.issues ?? [])));
  switch (input.op) {
    case 'send': {
      const m = input.message;
      const { type: _type, ...fields } = m;
      const core = {
        [DESTINATION_FIELD[KIND[input.to.kind]]]: input.to.value,
        ...fields,
        ...(m.type === 'media' && m.mediaType === 'auto' ? { mediaType: undefined } : {}),
        labels: input.labels,
        deliverAt: input.deliverAt,
      };
      return issuesOf(parseSendRequest(core, { defaultCountry: input.defaultCountry, now: new Date() }));
    }
    case 'createTag':
      return issuesOf(parseTagName(input.name, 'name'));
    case 'assignTag':
    case 'unassignTag':
      return issuesOf(parseRyzeChatId(input.chat, 'number', { defaultCountry: input.defaultCountry }), parseResourceId(input.tagId, 'tagId'));
  }
}

// ---------------------------------------------------------------------------------------------
// What is compared

/** Output fields both faces expose, as [neutral name, n8n field, Zapier field]. */
const SHARED_OUTPUT: Record<Operation, ReadonlyArray<readonly [string, string, string]>> = {
  send: ['id', 'correlationId', 'status', 'createdAt', 'origin', 'deliverAt', 'retention'].map((f) => [f, f, f] as const),
  createTag: ['id', 'name', 'color', 'colorName', 'colorHex', 'type', 'deleted', 'colorNormalized'].map((f) => [f, f, f] as const),
  // The same value under different names: n8n `chatId`, Zapier `number`.
  assignTag: [['chat', 'chatId', 'number'], ['tagId', 'tagId', 'tagId']],
  unassignTag: [['chat', 'chatId', 'number'], ['tagId', 'tagId', 'tagId']],
};

function sharedOutput(operation: Operation, face: 'n8n' | 'zapier', output: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const [neutral, n8nField, zapierField] of SHARED_OUTPUT[operation]) {
    const field = face === 'n8n' ? n8nField : zapierField;
    if (output[field] !== undefined) picked[neutral] = output[field];
  }
  return picked;
}

const wire = ({ method, path, query, body }: RecordedRequest) => ({ method, path, query, body });
const mediaTypeOf = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase();
const AUTH_HEADER: Record<Operation, string> = { send: 'x-api-key', createTag: 'token', assignTag: 'token', unassignTag: 'token' };

function expectNoSecrets(outcome: FaceOutcome): void {
  const text = JSON.stringify(outcome);
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
}

function failed(outcome: FaceOutcome, face: string): Extract<FaceOutcome, { ok: false }> {
  if (outcome.ok) throw new Error(`${face} succeeded where it should have failed: ${JSON.stringify(outcome.output)}`);
  return outcome;
}

function succeeded(outcome: FaceOutcome, face: string): Record<string, unknown> {
  if (!outcome.ok) throw new Error(`${face} failed: ${outcome.name}: ${outcome.message}`);
  return outcome.output;
}

// ---------------------------------------------------------------------------------------------

let server: RecordingServer;
let faces: Faces;

beforeAll(async () => {
  server = await startRecordingServer();
  faces = await loadFaces(server);
});
afterAll(async () => {
  await server?.close();
});

/** Runs one vector on both faces, one after the other, each with its own recording. */
async function runBoth(vector: Vector) {
  const operation = vector.input.op;
  server.take();
  const n8n = await faces.n8n(operation, toN8n(vector.input));
  const n8nRequests = server.take();
  const zapier = await faces.zapier(operation, toZapier(vector.input));
  const zapierRequests = server.take();
  expectNoSecrets(n8n);
  expectNoSecrets(zapier);
  return { operation, n8n, zapier, n8nRequests, zapierRequests };
}

it('has at least 12 vectors, valid and invalid, over both services', () => {
  expect(VECTORS.length).toBeGreaterThanOrEqual(12);
  expect(new Set(VECTORS.map((v) => v.name)).size).toBe(VECTORS.length);
  const ops = new Set(VECTORS.map((v) => `${v.input.op}:${v.expect.kind}`));
  for (const op of ['send:valid', 'send:invalid', 'createTag:valid', 'assignTag:valid', 'unassignTag:valid', 'assignTag:invalid']) expect(ops).toContain(op);
});

describe.each(VECTORS.filter((v) => v.expect.kind === 'valid').map((v) => [v.name, v] as const))('valid — %s', (_name, vector) => {
  const expected = vector.expect as Valid;

  it('both faces send the same request, with the auth header, and return the same shared fields', async () => {
    const { operation, n8n, zapier, n8nRequests, zapierRequests } = await runBoth(vector);
    const n8nOutput = succeeded(n8n, 'n8n');
    const zapierOutput = succeeded(zapier, 'Zapier');

    // (a) the requests
    expect(n8nRequests.map(wire)).toEqual([expected.request]);
    expect(zapierRequests.map(wire)).toEqual(n8nRequests.map(wire));
    expect(n8nRequests.map((r) => r.authHeaders)).toEqual([[AUTH_HEADER[operation]]]);
    expect(zapierRequests.map((r) => r.authHeaders)).toEqual(n8nRequests.map((r) => r.authHeaders));
    if (expected.request.body !== undefined) {
      expect(n8nRequests.map((r) => mediaTypeOf(r.contentType))).toEqual(['application/json']);
      expect(zapierRequests.map((r) => mediaTypeOf(r.contentType))).toEqual(['application/json']);
    }

    // (b) the results, on the fields both expose
    const fromN8n = sharedOutput(operation, 'n8n', n8nOutput);
    const fromZapier = sharedOutput(operation, 'zapier', zapierOutput);
    expect(fromN8n).toEqual(expected.output);
    expect(fromZapier).toEqual(fromN8n);
  });
});

describe.each(VECTORS.filter((v) => v.expect.kind === 'invalid').map((v) => [v.name, v] as const))('invalid — %s', (_name, vector) => {
  const expected = vector.expect as Invalid;

  it('neither face sends a request, and both report the same core issue (field and rule)', async () => {
    // The core's verdict: exactly the one expected issue.
    const issues = coreIssues(vector.input);
    expect(issues.map((i) => ({ field: i.field, rule: i.rule }))).toEqual([{ field: expected.field, rule: expected.rule }]);
    const [issue] = issues as [ValidationIssue];

    const { n8n, zapier, n8nRequests, zapierRequests } = await runBoth(vector);
    expect(n8nRequests).toEqual([]);
    expect(zapierRequests).toEqual([]);

    const n8nError = failed(n8n, 'n8n');
    const zapierError = failed(zapier, 'Zapier');
    expect(n8nError.name).toBe('NodeOperationError');
    expect(zapierError).toMatchObject({ name: 'AppError', code: 'VALIDATION_FAILED' });
    // n8n names the core field, Zapier the label of its own field; the rule text is the core's in both.
    expect(n8nError.message).toBe(`${expected.field} ${issue.reason}`);
    expect(zapierError.message).toBe(`${expected.zapierLabel} ${issue.reason}`);
    expect(n8nError.message.slice(expected.field.length)).toBe(zapierError.message.slice(expected.zapierLabel.length));
  });
});

// ---------------------------------------------------------------------------------------------
// Where the faces differ on purpose or by their hosts: pinned, so a change shows up here.

describe('differences between the faces, pinned', () => {
  it('an empty Chat typed into the form: n8n’s engine refuses the workflow before the node runs, Zapier’s perform reports the core issue; both name the Chat field and send nothing', async () => {
    const { n8n, zapier, n8nRequests, zapierRequests } = await runBoth({
      name: 'empty chat typed',
      input: { op: 'assignTag', chat: '', tagId: '2' },
      expect: { kind: 'invalid', field: 'number', rule: 'required', zapierLabel: 'Chat' },
    });
    expect(n8nRequests).toEqual([]);
    expect(zapierRequests).toEqual([]);
    expect(failed(n8n, 'n8n')).toMatchObject({ name: 'WorkflowHasIssuesError', message: expect.stringContaining('Parameter "Chat" is required') });
    expect(failed(zapier, 'Zapier')).toMatchObject({ name: 'AppError', code: 'VALIDATION_FAILED', message: 'Chat is required' });
  });

  it('the output fields only one face exposes (everything else is compared above)', async () => {
    const keysOf = async (vector: Vector) => {
      const { operation, n8n, zapier } = await runBoth(vector);
      const shared = new Set(SHARED_OUTPUT[operation].flatMap(([, n8nField, zapierField]) => [n8nField, zapierField]));
      const only = (output: Record<string, unknown>) => Object.keys(output).filter((key) => !shared.has(key)).sort();
      return { n8n: only(succeeded(n8n, 'n8n')), zapier: only(succeeded(zapier, 'Zapier')) };
    };
    const byName = (name: string) => VECTORS.find((v) => v.name.startsWith(name))!;
    expect(await keysOf(byName('send: scheduled'))).toEqual({ n8n: [], zapier: [] });
    // n8n says why a color was replaced; Zapier says the tag was created (Find or Create reuses the step).
    expect(await keysOf(byName('create tag: color 42'))).toEqual({ n8n: ['colorNormalizationReason'], zapier: ['created'] });
    // The chat is `chatId` in n8n and `number` in Zapier (compared above as the same value);
    // n8n flags the action, Zapier gives the assignment an id ("<tag id>:<chat>") for its dedupe.
    expect(await keysOf(byName('assign tag to "+55'))).toEqual({ n8n: ['assigned'], zapier: ['id'] });
    expect(await keysOf(byName('unassign tag from'))).toEqual({ n8n: ['unassigned'], zapier: ['id'] });
  });

  it('labels typed as comma text in ONE row of Zapier’s Labels list field are split like n8n’s Labels text', async () => {
    // A Zapier `list: true` field reaches the perform as an array of its rows; the core splits
    // commas inside list entries as it does in text, so both faces send the same labels.
    const neutral: NeutralSend = { op: 'send', to: { kind: 'phone', value: PHONE }, message: { type: 'text', text: 'Welcome!' }, labels: 'vip, VIP, customers' };
    server.take();
    const n8n = await faces.n8n('send', toN8n(neutral));
    const n8nRequests = server.take();
    const zapier = await faces.zapier('send', { ...toZapier(neutral), labels: [neutral.labels] });
    const zapierRequests = server.take();
    succeeded(n8n, 'n8n');
    succeeded(zapier, 'Zapier');
    const labelsOf = (requests: typeof n8nRequests) => requests.map((r) => (r.body as { labels?: unknown }).labels);
    expect(labelsOf(n8nRequests)).toEqual([['vip', 'customers']]);
    expect(labelsOf(zapierRequests)).toEqual(labelsOf(n8nRequests));
  });
});
