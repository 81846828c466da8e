import { ALL_EVENTS, MESSAGE_EVENTS, readWebhookEvent } from '../../shared/pilotstatus';
import { newestTagFirst, oldestTagFirst, type RyzeTag } from '../../shared/ryzeapi';

const delivered = { event: 'message.delivered', data: { id: 'evt_1', whatsappNumberId: 'num_a', destinationNumber: '+5511988887777' } };

describe('readWebhookEvent', () => {
  it('accepts a chosen event as one item with id = data.id', () => {
    expect(readWebhookEvent(delivered, { events: ['message.delivered'] })).toEqual({
      accepted: true,
      item: { id: 'evt_1', event: 'message.delivered', whatsappNumberId: 'num_a', destinationNumber: '+5511988887777' },
    });
  });

  it('reads a numeric event id as text, so dedupe compares like with like', () => {
    const verdict = readWebhookEvent({ event: 'message.sent', data: { id: 42 } }, { events: [ALL_EVENTS] });
    expect(verdict).toMatchObject({ accepted: true, item: { id: '42' } });
  });

  it.each<[string, unknown, { events: string[]; whatsappNumberId?: string }, string]>([
    ['a body that is not an event', { hello: 'world' }, { events: [ALL_EVENTS] }, 'not_an_event'],
    ['an event without data.id', { event: 'message.sent', data: {} }, { events: [ALL_EVENTS] }, 'not_an_event'],
    ['an event not chosen', delivered, { events: ['message.read'] }, 'event_not_selected'],
    ['an event of another number', delivered, { events: [ALL_EVENTS], whatsappNumberId: 'num_b' }, 'other_number'],
  ])('drops %s', (_name, body, filter, reason) => {
    expect(readWebhookEvent(body, filter)).toEqual({ accepted: false, reason });
  });

  it('accepts every event with *, and any number when no number is set', () => {
    expect(readWebhookEvent(delivered, { events: [ALL_EVENTS], whatsappNumberId: '  ' }).accepted).toBe(true);
  });

  it('offers each message event once, with a Title Case label', () => {
    const names = MESSAGE_EVENTS.map((e) => e.event);
    expect(new Set(names).size).toBe(names.length);
    for (const { label } of MESSAGE_EVENTS) expect(label).toMatch(/^([A-Z][a-z]+ ?)+$/);
  });
});

describe('tag order', () => {
  const tag = (id: string): RyzeTag => ({ id, name: id, color: 0, deleted: false }) as RyzeTag;
  it('sorts sequential ids numerically, not as text; non-numeric ids count as the newest', () => {
    const tags = ['10', '9', 'x', '2'].map(tag);
    expect([...tags].sort(oldestTagFirst).map((t) => t.id)).toEqual(['2', '9', '10', 'x']);
    expect([...tags].sort(newestTagFirst).map((t) => t.id)).toEqual(['x', '10', '9', '2']);
  });
});
