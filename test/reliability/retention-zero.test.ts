/**
 * Retention 0, end to end: an n8n workflow sends with labels to several phones (typed every way
 * a user types them) with the retention-0 key; the sandbox processes every step (sent, failed,
 * delivered, read) and posts each event — twice, as PilotStatus may — to an active PilotStatus
 * Trigger; a RyzeAPI Trigger polls. Afterwards no destination — with or without '+', its bare
 * digits, its national digits, or as typed — is in the sandbox's dump or in any n8n static data.
 */
import type { IDataObject } from 'n8n-workflow';

import { runPoll, runWorkflow, webhookLifecycle, type LoadedPackage } from '../n8n/harness';
import { WebhookReceiver } from '../n8n/webhook-receiver';
import { startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { DEMO } from './matrix';
import { n8nPackage } from './n8n-host';

jest.setTimeout(60_000);

/** As typed (read with Default Country BR), and as E.164. None is in the sandbox's demo data; all end in an even digit (read receipts on) but the last. */
const PHONES = [
  { typed: '+55 11 97777-0012', e164: '+5511977770012' },
  { typed: '5511977770024', e164: '+5511977770024' },
  { typed: '(11) 97777-0034', e164: '+5511977770034' },
  { typed: '0055 21 97777-0046', e164: '+5521977770046' },
  { typed: '+55 21 97777-0000', e164: '+5521977770000' }, // ends in 0000: WhatsApp does not know it (FAILED)
];
/** Every spelling of a destination that must not be stored. */
const spellings = ({ typed, e164 }: { typed: string; e164: string }) => [typed, e164, e164.slice(1), e164.slice(3), e164.slice(5)];
/** The chats the RyzeAPI demo instance knows, as digits. */
const RYZE_CHAT_DIGITS = ['5511988887777', '5521987654321', '120363025246125486'];

let pkg: LoadedPackage;
let sb: TestSandbox;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  // Every delivery is posted twice: the trigger's dedupe memory is part of what is checked.
  [pkg, sb] = await Promise.all([n8nPackage(), startTestSandbox({ duplicateDeliveryEvery: 1 }), receiver.start()]);
});
afterAll(async () => {
  await receiver.stop();
  await sb?.close();
});

it('keeps no destination anywhere: sandbox dump, trigger memories, workflow static data', async () => {
  const credentials = { pilotStatusApi: { apiKey: DEMO.keyRetention0, retentionDays: 0, baseUrl: sb.sandbox.pilotStatusUrl } };

  // An active workflow with a PilotStatus Trigger on every event.
  const trigger = webhookLifecycle({
    pkg,
    node: { name: 'PilotStatus Trigger', type: pkg.typeName('pilotStatusTrigger'), parameters: { events: ['*'] }, webhookId: 'retention-zero' },
    credentials,
    webhookUrl: `${receiver.url}/webhook`,
  });
  receiver.lifecycle = trigger;
  await expect(trigger.activate()).resolves.toBe(true);

  // A workflow sending a template with two labels to each phone.
  const sent = await runWorkflow({
    pkg,
    nodes: [
      {
        name: 'Send',
        type: pkg.typeName('pilotStatus'),
        parameters: {
          resource: 'message',
          operation: 'send',
          destination: '={{ $json.phone }}',
          messageType: 'template',
          template: { __rl: true, mode: 'id', value: 'welcome' },
          templateVariables: { variable: [{ name: 'name', value: 'Cliente' }] },
          options: { defaultCountry: 'BR', labels: 'VIP, retention zero' },
        },
      },
    ],
    credentials,
    input: PHONES.map(({ typed }) => ({ phone: typed })),
  });
  expect(sent.executionError).toBeUndefined();
  const messages = sent.json('Send');
  expect(messages).toHaveLength(PHONES.length);
  expect(messages.every((m) => m.status === 'QUEUED' && JSON.stringify(m.retention) === JSON.stringify({ linksStored: false, days: 0 }))).toBe(true);

  // The sandbox runs every step; each posts its event (twice) to the trigger.
  for (let step = 0; step < 4; step++) await sb.process();
  expect(receiver.deliveries.filter((d) => d.error !== undefined).map((d) => d.error)).toEqual([]);
  const events = receiver.started();
  const count = (event: string) => events.filter((item) => item.event === event).length;
  expect({ sent: count('message.sent'), failed: count('message.failed'), delivered: count('message.delivered'), read: count('message.read') }).toEqual({ sent: 4, failed: 1, delivered: 4, read: 4 });
  expect(new Set(events.map((item) => item.id)).size).toBe(events.length); // the repeats were dropped
  expect(receiver.deliveries.filter((d) => d.result !== undefined).length).toBe(2 * events.length);

  // A RyzeAPI Trigger polls twice (first poll: remembers; second: reports the new chat–tag pair).
  const ryzeNode = { name: 'RyzeAPI Trigger', type: pkg.typeName('ryzeApiTrigger'), parameters: { event: 'chatAddedToTag' } };
  const ryzeCredentials = { ryzeApi: { instance: DEMO.ryzeInstance, token: DEMO.ryzeInstanceToken, baseUrl: sb.sandbox.ryzeApiUrl } };
  const firstPoll = await runPoll({ pkg, node: ryzeNode, credentials: ryzeCredentials, mode: 'trigger' });
  await sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false }).assignTag({ number: '120363025246125486@g.us', tagId: '1' });
  const secondPoll = await runPoll({ pkg, node: ryzeNode, credentials: ryzeCredentials, mode: 'trigger', staticData: firstPoll.staticData });
  expect(secondPoll.items?.[0]?.map((item) => item.json.chatId)).toEqual(['120363025246125486@g.us']);

  // The labels exist; no label–contact row and no message destination was kept.
  const dump = (await sb.dump()) as Record<string, Record<string, unknown>[]>;
  expect(dump.labels?.map((label) => label.name)).toEqual(expect.arrayContaining(['VIP', 'retention zero']));
  expect(dump.label_contacts).toEqual([]);
  expect(dump.messages?.map((m) => [m.destination, m.destination_expires_at])).toEqual(PHONES.map(() => [null, null]));
  expect(dump.messages?.map((m) => m.status).sort()).toEqual(['FAILED', 'READ', 'READ', 'READ', 'READ']);

  const stored = {
    'sandbox dump': JSON.stringify(dump),
    'PilotStatus Trigger static data': JSON.stringify(trigger.staticData()),
    'send workflow static data': JSON.stringify(sent.staticData),
    'RyzeAPI Trigger static data (first poll)': JSON.stringify(firstPoll.staticData),
    'RyzeAPI Trigger static data (second poll)': JSON.stringify(secondPoll.staticData),
  };
  const found = Object.entries(stored).flatMap(([where, text]) => PHONES.flatMap(spellings).filter((spelling) => text.includes(spelling)).map((spelling) => `${where}: ${spelling}`));
  expect(found).toEqual([]);
  // The triggers' memories hold ids and keyed hashes only: not even the demo instance's chats.
  const memories = Object.entries(stored).filter(([where]) => where !== 'sandbox dump');
  expect(memories.flatMap(([where, text]) => RYZE_CHAT_DIGITS.filter((digits) => text.includes(digits)).map((digits) => `${where}: ${digits}`))).toEqual([]);
  expect((trigger.staticData()['node:PilotStatus Trigger'] as IDataObject).recentEventIds).toEqual(events.map((item) => item.id));

  await expect(trigger.delete()).resolves.toBe(true);
});
