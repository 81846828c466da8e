import fc from 'fast-check';
import { parseSendRequest, type SendMessageBody } from '../../shared/send';
import type { ValidationIssue } from '../../shared/errors';

const now = new Date('2026-11-21T12:00:00.000Z');
const parse = (input: unknown) => parseSendRequest(input, { now, defaultCountry: undefined });

function body(input: unknown): SendMessageBody {
  const result = parse(input);
  if (!result.ok) throw new Error(`expected a valid send, got ${result.issues.map((i) => i.message).join('; ')}`);
  return result.value;
}

function issues(input: unknown): ValidationIssue[] {
  const result = parse(input);
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return [...result.issues];
}

const fieldsAndRules = (input: unknown) => issues(input).map((i) => [i.field, i.rule]);

describe('valid sends become the exact body PilotStatus receives', () => {
  it.each<[string, Record<string, unknown>, SendMessageBody]>([
    [
      'template to a typed phone, variables as JSON text, numbers stringified',
      { destinationNumber: '+55 (11) 99999-9999', templateId: ' order_update ', variables: '{"name":"Ana","order":123}' },
      { destinationNumber: '+5511999999999', templateId: 'order_update', variables: { name: 'Ana', order: '123' } },
    ],
    [
      'text to a group with buttons as plain strings, header and footer',
      { groupId: '120363025246125486@g.us', text: 'Pick one', buttons: ['Yes', { id: 'n', text: 'No' }], header: 'Hi', footer: 'Bye' },
      { groupId: '120363025246125486@g.us', text: 'Pick one', buttons: [{ text: 'Yes' }, { id: 'n', text: 'No' }], header: 'Hi', footer: 'Bye' },
    ],
    [
      'direct media to a channel, type read from the extension',
      { newsletterId: '120363000000000000@newsletter', media: 'https://cdn.example.com/a/photo.JPG', caption: 'Look' },
      { newsletterId: '120363000000000000@newsletter', media: 'https://cdn.example.com/a/photo.JPG', mediaType: 'image', caption: 'Look' },
    ],
    [
      'direct media from a data URI, type read from the MIME type',
      { destinationNumber: '+5511999999999', media: 'data:audio/ogg;base64,AAAA' },
      { destinationNumber: '+5511999999999', media: 'data:audio/ogg;base64,AAAA', mediaType: 'audio' },
    ],
    [
      'template with a media override and labels deduplicated',
      { destinationNumber: '+5511999999999', templateId: 't', media: 'https://x.example/doc', mediaType: 'DOCUMENT', labels: 'vip, VIP ,customers,' },
      { destinationNumber: '+5511999999999', templateId: 't', media: 'https://x.example/doc', mediaType: 'document', labels: ['vip', 'customers'] },
    ],
    [
      'a user JID is sent as its phone; a schedule with offset becomes UTC',
      { destinationNumber: '5511999999999@c.us', text: 'hi', deliverAt: '2026-11-22T09:00:00-03:00' },
      { destinationNumber: '+5511999999999', text: 'hi', deliverAt: '2026-11-22T12:00:00.000Z' },
    ],
    [
      'empty optional fields, as an unfilled form sends them, are ignored',
      { destinationNumber: '+5511999999999', text: 'hi', groupId: '', newsletterId: null, labels: '', deliverAt: '  ', variables: undefined },
      { destinationNumber: '+5511999999999', text: 'hi' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(body(input)).toEqual(expected);
  });

  it('reads a national number with the default country', () => {
    const result = parseSendRequest({ destinationNumber: '(11) 99999-9999', text: 'hi' }, { now, defaultCountry: 'BR' });
    expect(result).toEqual({ ok: true, value: { destinationNumber: '+5511999999999', text: 'hi' } });
  });

  it('accepts a Date and epoch milliseconds for deliverAt', () => {
    const later = new Date(now.getTime() + 60_000);
    expect(body({ groupId: '123456789-987654321@g.us', text: 'x', deliverAt: later }).deliverAt).toBe(later.toISOString());
    expect(body({ groupId: '123456789-987654321@g.us', text: 'x', deliverAt: later.getTime() }).deliverAt).toBe(later.toISOString());
  });
});

describe('each broken rule is one issue naming its field and rule', () => {
  it.each<[string, Record<string, unknown>, [string, string][]]>([
    ['no destination', { text: 'hi' }, [['destination', 'destination.required']]],
    ['two destinations', { destinationNumber: '+5511999999999', groupId: '1234567@g.us', text: 'hi' }, [['destination', 'destination.exclusive']]],
    ['phone without country code', { destinationNumber: '11999999999', text: 'hi' }, [['destinationNumber', 'phone.missing_country_code']]],
    ['a group id in destinationNumber', { destinationNumber: '1234567@g.us', text: 'hi' }, [['destinationNumber', 'destination.not_phone']]],
    ['a phone in groupId', { groupId: '+5511999999999', text: 'hi' }, [['groupId', 'destination.not_group']]],
    ['no mode', { destinationNumber: '+5511999999999' }, [['mode', 'mode.required']]],
    ['template and text', { destinationNumber: '+5511999999999', templateId: 't', text: 'hi' }, [['mode', 'mode.exclusive']]],
    ['variables outside template mode', { destinationNumber: '+5511999999999', text: 'hi', variables: { a: '1' } }, [['variables', 'mode.field_not_allowed']]],
    ['variables not JSON', { destinationNumber: '+5511999999999', templateId: 't', variables: '{name:' }, [['variables', 'variables.json']]],
    ['variables a list', { destinationNumber: '+5511999999999', templateId: 't', variables: ['a'] }, [['variables', 'invalid_type']]],
    ['variable value an object', { destinationNumber: '+5511999999999', templateId: 't', variables: { a: { b: 1 } } }, [['variables.a', 'invalid_union']]],
    ['four buttons', { destinationNumber: '+5511999999999', text: 'hi', buttons: ['a', 'b', 'c', 'd'] }, [['buttons', 'array.too_big']]],
    ['empty and too long button', { destinationNumber: '+5511999999999', text: 'hi', buttons: [' ', 'x'.repeat(21)] }, [['buttons.0.text', 'string.too_small'], ['buttons.1.text', 'string.too_big']]],
    ['repeated button', { destinationNumber: '+5511999999999', text: 'hi', buttons: ['Yes', 'yes'] }, [['buttons.1.text', 'custom']]],
    ['footer without buttons', { destinationNumber: '+5511999999999', text: 'hi', footer: 'f' }, [['footer', 'mode.field_not_allowed']]],
    ['buttons with a template', { destinationNumber: '+5511999999999', templateId: 't', buttons: ['a'] }, [['buttons', 'mode.field_not_allowed']]],
    ['media without a type it shows', { destinationNumber: '+5511999999999', media: 'https://x.example/file' }, [['mediaType', 'media_type.required']]],
    ['media type outside the list', { destinationNumber: '+5511999999999', media: 'https://x.example/a.png', mediaType: 'sticker' }, [['mediaType', 'media_type.enum']]],
    ['media over ftp', { destinationNumber: '+5511999999999', media: 'ftp://x.example/a.png' }, [['media', 'media.url_protocol']]],
    ['media not a URL', { destinationNumber: '+5511999999999', media: 'photo.png', mediaType: 'image' }, [['media', 'media.url']]],
    ['data URI without base64', { destinationNumber: '+5511999999999', media: 'data:image/png,abc' }, [['media', 'media.data_uri']]],
    ['mediaType alone', { destinationNumber: '+5511999999999', mediaType: 'image' }, [['media', 'required']]],
    ['caption on audio', { destinationNumber: '+5511999999999', media: 'https://x.example/a.ogg', caption: 'c' }, [['caption', 'caption.audio']]],
    ['caption on a template', { destinationNumber: '+5511999999999', templateId: 't', caption: 'c' }, [['caption', 'mode.field_not_allowed']]],
    ['text too long', { destinationNumber: '+5511999999999', text: 'x'.repeat(4097) }, [['text', 'string.too_big']]],
    ['deliverAt in the past', { destinationNumber: '+5511999999999', text: 'hi', deliverAt: '2026-11-21T11:59:59Z' }, [['deliverAt', 'deliver_at.past']]],
    ['deliverAt without zone', { destinationNumber: '+5511999999999', text: 'hi', deliverAt: '2026-12-01T09:00' }, [['deliverAt', 'deliver_at.timezone']]],
    ['deliverAt not a date', { destinationNumber: '+5511999999999', text: 'hi', deliverAt: 'tomorrow' }, [['deliverAt', 'deliver_at.format']]],
    ['labels on a channel', { newsletterId: '120363000000000000@newsletter', text: 'hi', labels: ['vip'] }, [['labels', 'labels.channel']]],
    ['label too long', { destinationNumber: '+5511999999999', text: 'hi', labels: ['ok', 'x'.repeat(101)] }, [['labels.1', 'label.too_long']]],
    ['a typo in a field name', { destinationNumber: '+5511999999999', text: 'hi', label: ['vip'] }, [['label', 'unknown_field']]],
  ])('%s', (_name, input, expected) => {
    expect(fieldsAndRules(input)).toEqual(expected);
  });

  it('reports every violation of one request together', () => {
    const found = issues({ destinationNumber: 'abc', templateId: 't', variables: 'nope', deliverAt: 'soon', labels: [''.padEnd(101, 'y')] });
    expect(found.map((i) => i.field)).toEqual(['destinationNumber', 'variables', 'deliverAt', 'labels.0']);
    for (const found1 of found) expect(found1.message.startsWith(found1.field)).toBe(true);
  });

  it.each([null, 'text', 42, ['a']])('refuses a request that is not an object (%p)', (input) => {
    expect(fieldsAndRules(input)).toEqual([['message', 'type']]);
  });
});

describe('properties', () => {
  const field = fc.constantFrom(
    'destinationNumber', 'groupId', 'newsletterId', 'templateId', 'variables', 'text', 'buttons', 'header',
    'footer', 'media', 'mediaType', 'caption', 'deliverAt', 'labels', 'extra',
  );

  it('any object gives a body or typed issues, never a throw', () => {
    fc.assert(
      fc.property(fc.dictionary(field, fc.anything(), { maxKeys: 8 }), (input) => {
        const result = parse(input);
        if (result.ok) {
          const destinations = ['destinationNumber', 'groupId', 'newsletterId'].filter((k) => k in result.value);
          expect(destinations).toHaveLength(1);
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const i of result.issues) expect(i.field && i.rule && i.message).toBeTruthy();
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('a valid body parses to itself', () => {
    const validBody = fc.record({
      destinationNumber: fc.constantFrom('+5511999999999', '+551199999999', '+14155552671', '+447911123456'),
      text: fc.string({ minLength: 1, maxLength: 50 }).filter((t) => t.trim() !== ''),
      labels: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}$/), { maxLength: 5, selector: (l) => l.toLowerCase() }),
    });
    fc.assert(
      fc.property(validBody, (input) => {
        const expected: SendMessageBody = { destinationNumber: input.destinationNumber, text: input.text };
        if (input.labels.length) expected.labels = input.labels;
        expect(body(input)).toEqual(expected);
        expect(body(body(input))).toEqual(body(input));
      }),
      { numRuns: 2_000 },
    );
  });
});
