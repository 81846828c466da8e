/**
 * The operations both hosts' fault matrices run, keyed by operation: route, kind, setup and the
 * effects the sandbox must show depend on the service, not on the host that made the calls, so
 * they are written once here. Each host's rows add only how the host makes the two calls and what
 * it checks in their answers. The webhook subscription rows stay with their hosts: an n8n trigger's
 * activation and a Zapier subscribe are different operations (retried activation, static data).
 */
import { DEMO, type Dump, type Scenario } from './matrix';

export const P1 = '+5511911110001';
export const P2 = '+5511911110002';
export const CHAT_A = '5511988887777@s.whatsapp.net';
export const CHAT_B = '5521987654321@s.whatsapp.net';

export const count = <T>(rows: T[] | undefined, where: (row: T) => boolean) => (rows ?? []).filter(where).length;
const liveTags = (dump: Dump, name: string) => count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance && t.name === name && t.deleted === 0);
const carries = (dump: Dump, chat: string, tagId: unknown) => count(dump.ryze_chat_tags, (r) => r.chat_jid === chat && r.tag_id === tagId);

export const SCENARIOS = {
  sendMessage: {
    service: 'pilotstatus',
    kind: 'create',
    method: 'POST',
    route: '/v1/messages/send',
    effects: (dump) => ({ [P1]: count(dump.messages, (m) => m.destination === P1), [P2]: count(dump.messages, (m) => m.destination === P2), messages: dump.messages?.length ?? 0 }),
    expected: ([first]) => ({ [P1]: first ? 1 : 0, [P2]: 1, messages: first ? 2 : 1 }),
  },
  messageStatus: {
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'GET',
    route: '/v1/messages/:id',
    setup: async (sb) => ({ ids: [(await sb.pilot().sendMessage({ destinationNumber: P1, text: 'one' })).id, (await sb.pilot().sendMessage({ destinationNumber: P2, text: 'two' })).id] }),
    effects: (dump) => ({ messages: dump.messages?.length ?? 0 }),
    expected: () => ({ messages: 2 }),
  },
  cancelMessage: {
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/v1/messages/cancel',
    setup: async (sb) => {
      const deliverAt = new Date(sb.sandbox.context.clock.now().getTime() + 2 * 86_400_000).toISOString();
      const schedule = async (destinationNumber: string) => (await sb.pilot().sendMessage({ destinationNumber, text: 'later', deliverAt })).id;
      return { ids: [await schedule(P1), await schedule(P2)] };
    },
    effects: (dump, { ids }) => ({
      first: count(dump.messages, (m) => m.id === (ids as string[])[0] && m.status === 'CANCELED'),
      second: count(dump.messages, (m) => m.id === (ids as string[])[1] && m.status === 'CANCELED'),
      messages: dump.messages?.length ?? 0,
    }),
    expected: ([first]) => ({ first: first ? 1 : 0, second: 1, messages: 2 }),
  },
  listTemplates: {
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'GET',
    route: '/v1/templates',
    effects: () => ({}),
    expected: () => ({}),
  },
  listTags: {
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'GET',
    route: '/api/chat/tag/:instance',
    effects: (dump) => ({ tags: count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance) }),
    expected: () => ({ tags: 2 }),
  },
  createTag: {
    service: 'ryzeapi',
    kind: 'create',
    method: 'POST',
    route: '/api/chat/tag/:instance',
    effects: (dump) => ({ A: liveTags(dump, 'Reliability A'), B: liveTags(dump, 'Reliability B'), tags: count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance) }),
    expected: ([first]) => ({ A: first ? 1 : 0, B: 1, tags: first ? 4 : 3 }),
  },
  deleteTag: {
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/api/chat/tag/:instance',
    setup: async (sb) => {
      const ryze = sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false });
      return { ids: [(await ryze.createTag({ name: 'Doomed A' })).tag.id, (await ryze.createTag({ name: 'Doomed B' })).tag.id] };
    },
    effects: (dump) => ({ A: liveTags(dump, 'Doomed A'), B: liveTags(dump, 'Doomed B') }),
    expected: ([first]) => ({ A: first ? 0 : 1, B: 0 }),
  },
  assignTag: {
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'POST',
    route: '/api/chat/assignTag/:instance',
    effects: (dump) => ({ A: carries(dump, CHAT_A, '1'), B: carries(dump, CHAT_B, '1') }),
    expected: ([first]) => ({ A: first ? 1 : 0, B: 1 }),
  },
  unassignTag: {
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/api/chat/assignTag/:instance',
    setup: async (sb) => {
      await sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false }).assignTag({ number: CHAT_B, tagId: '2' }); // A carries VIP (2) from the seed
      return {};
    },
    effects: (dump) => ({ A: carries(dump, CHAT_A, '2'), B: carries(dump, CHAT_B, '2') }),
    expected: ([first]) => ({ A: first ? 0 : 1, B: 0 }),
  },
  assignTagByName: {
    // The fault hits the one step that must not be repeated: creating the tag.
    service: 'ryzeapi',
    kind: 'create',
    method: 'POST',
    route: '/api/chat/tag/:instance',
    effects: (dump) => {
      const tag = dump.ryze_tags?.find((t) => t.name === 'Reliability' && t.deleted === 0);
      return { tagsNamedReliability: liveTags(dump, 'Reliability'), A: carries(dump, CHAT_A, tag?.id), B: carries(dump, CHAT_B, tag?.id) };
    },
    // Whatever happened to the first call, the second finds or makes the one tag: never two.
    expected: (_landed, [first]) => ({ tagsNamedReliability: 1, A: first === 'ok' ? 1 : 0, B: 1 }),
  },
  listTaggedChats: {
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'GET',
    route: '/api/chat/contactsByLabel/:instance',
    effects: () => ({}),
    expected: () => ({}),
  },
} satisfies Record<string, Scenario>;
