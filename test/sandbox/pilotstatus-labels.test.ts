import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { processTimes, resetSandbox, startReceiver, type Receiver } from './pilotstatus-helpers';

const DAY = 86_400_000;
type Row = Record<string, unknown>;

describe('PilotStatus sandbox: labels on send, under the key’s retention', () => {
  let t: TestSandbox;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestSandbox();
    receiver = await startReceiver();
  });
  beforeEach(async () => {
    await resetSandbox(t);
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const labelsByName = async () => Object.fromEntries(((await t.dump()).labels as Row[]).map((l) => [l.name, l]));
  const linksOf = async (destination: string) => ((await t.dump()).label_contacts as Row[]).filter((c) => c.destination === destination);

  it('retention 30: upserts labels by name (case-insensitive) and links the destination, asynchronously', async () => {
    const sent = await t.pilot({ apiKey: DEMO.keyRetention30 }).sendMessage({ destinationNumber: '+5511977771112', text: 'hi', labels: ['VIP', 'Customers'] });

    // Nothing yet: label processing is asynchronous.
    expect(Object.keys(await labelsByName())).toEqual(['customers']);
    expect(await linksOf('+5511977771112')).toEqual([]);

    await t.process();
    const labels = await labelsByName();
    expect(Object.keys(labels).sort()).toEqual(['VIP', 'customers']);
    expect(labels.customers!.id).toBe('lbl_customers');

    const links = await linksOf('+5511977771112');
    expect(links.map((l) => l.label_id).sort()).toEqual([labels.VIP!.id, 'lbl_customers'].sort());
    const expected = t.sandbox.context.clock.now().getTime() + 30 * DAY;
    for (const link of links) {
      expect(link).toMatchObject({ destination_kind: 'PHONE', name: '' });
      expect(Math.abs(Date.parse(link.expires_at as string) - expected)).toBeLessThan(60_000);
    }

    const message = ((await t.dump()).messages as Row[]).find((m) => m.id === sent.id)!;
    expect(message).toMatchObject({ destination: '+5511977771112', labels: JSON.stringify(['VIP', 'Customers']) });
    expect(Math.abs(Date.parse(message.destination_expires_at as string) - expected)).toBeLessThan(60_000);
  });

  it('retention 30: links a group too', async () => {
    await t.pilot().sendMessage({ groupId: '120363025246125486@g.us', text: 'hi team', labels: ['team'] });
    await t.process();
    expect(await linksOf('120363025246125486@g.us')).toEqual([expect.objectContaining({ destination_kind: 'GROUP', label_id: (await labelsByName()).team!.id })]);
  });

  it('retention 0: labels are created, and the destination is stored nowhere, yet webhooks still carry it', async () => {
    const phone = '+5511966665554';
    await t.http('POST', '/v1/webhooks', { headers: { 'x-api-key': DEMO.keyRetention0 }, body: { url: receiver.url, events: ['*'] } });
    const client = t.pilot({ apiKey: DEMO.keyRetention0 });
    const sent = await client.sendMessage({ destinationNumber: phone, text: 'hi', labels: ['promo', 'customers'] });

    await processTimes(t, 4);
    expect((await client.getMessage(sent.id)).status).toBe('READ');
    expect(Object.keys(await labelsByName()).sort()).toEqual(['customers', 'promo']);
    const dump = await t.dump();
    expect(dump.label_contacts).toEqual([]);
    expect(dump.messages).toEqual([expect.objectContaining({ id: sent.id, destination: null, destination_expires_at: null, destination_hash: expect.any(String) })]);
    const everything = JSON.stringify(dump);
    expect(everything).not.toContain(phone);
    expect(everything).not.toContain(phone.slice(1));
    // Nor does the status answer show it.
    expect(await client.getMessage(sent.id)).not.toHaveProperty('destinationNumber');

    // Processing had it in memory: every event went out with the destination.
    expect(receiver.received.map((d) => d.body.event)).toEqual(['message.sent', 'message.delivered', 'message.read']);
    expect(receiver.received.every((d) => d.body.data.destinationNumber === phone)).toBe(true);
  });

  it('keeps a stable, keyed destination hash (no phone) for retention 0', async () => {
    const client = t.pilot({ apiKey: DEMO.keyRetention0 });
    await client.sendMessage({ destinationNumber: '+5511966665554', text: 'a' });
    await client.sendMessage({ destinationNumber: '+5511966665554', text: 'b' });
    await client.sendMessage({ destinationNumber: '+5511966665556', text: 'c' });
    const hashes = ((await t.dump()).messages as Row[]).map((m) => m.destination_hash);
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
  });

  it('expires a link and the message destination after 30 days', async () => {
    const phone = '+5511977771114';
    const client = t.pilot({ apiKey: DEMO.keyRetention30 });
    const sent = await client.sendMessage({ destinationNumber: phone, text: 'hi', labels: ['vip'] });
    await processTimes(t, 3);
    expect(await linksOf(phone)).toHaveLength(1);

    await t.http('POST', '/_sandbox/clock', { body: { advanceMs: 29 * DAY } });
    await t.process();
    expect(await linksOf(phone)).toHaveLength(1);
    expect((await client.getMessage(sent.id)).destinationNumber).toBe(phone);

    await t.http('POST', '/_sandbox/clock', { body: { advanceMs: DAY + 60_000 } });
    await t.process();
    expect(await linksOf(phone)).toEqual([]);
    expect(Object.keys(await labelsByName())).toContain('vip');
    expect(await client.getMessage(sent.id)).not.toHaveProperty('destinationNumber');
    const everything = JSON.stringify(await t.dump());
    expect(everything).not.toContain(phone.slice(1));
  });

  it('fills the display name from the WhatsApp profile when the link has none', async () => {
    await t.pilot().sendMessage({ destinationNumber: '+5511988887777', text: 'hi', labels: ['vip'] });
    await t.pilot().sendMessage({ destinationNumber: '+5511977771116', text: 'hi', labels: ['vip'] });
    await t.process();
    expect(await linksOf('+5511988887777')).toEqual([expect.objectContaining({ name: 'Ana Souza' })]);
    expect(await linksOf('+5511977771116')).toEqual([expect.objectContaining({ name: '' })]);
  });

  it('deduplicates the link by destination when the same label comes again', async () => {
    const client = t.pilot();
    await client.sendMessage({ destinationNumber: '+5511988887777', text: 'a', labels: ['vip'] });
    await t.process();
    await t.http('POST', '/_sandbox/clock', { body: { advanceMs: 10 * DAY } });
    await client.sendMessage({ destinationNumber: '+5511988887777', text: 'b', labels: ['VIP '] });
    await t.process();
    const links = await linksOf('+5511988887777');
    expect(links).toHaveLength(1);
    // The later send extends the retention.
    const expected = t.sandbox.context.clock.now().getTime() + 30 * DAY;
    expect(Math.abs(Date.parse(links[0]!.expires_at as string) - expected)).toBeLessThan(60_000);
  });
});
