import {
  DESTINATION_FIELD,
  destinationKey,
  fromRyzeChatId,
  parseDestination,
  parseDestinationOfKind,
  parseRyzeChatId,
  toRyzeChatId,
  type Destination,
  type DestinationKind,
} from '../../shared/destinations';
import { expectIssues, valueOf } from './parsed';

const PHONE: Destination = { kind: 'PHONE', value: '+5511999999999' };
const LEGACY_PHONE: Destination = { kind: 'PHONE', value: '+551199999999' };
const GROUP: Destination = { kind: 'GROUP', value: '120363025246125486@g.us' };
const LEGACY_GROUP: Destination = { kind: 'GROUP', value: '5511999999999-1441234567@g.us' };
const CHANNEL: Destination = { kind: 'CHANNEL', value: '120363025246125486@newsletter' };

describe('parseDestination: kinds', () => {
  it.each<[string, unknown, Destination]>([
    ['E.164 phone', '+5511999999999', PHONE],
    ['formatted phone', '+55 (11) 99999-9999', PHONE],
    ['phone with 00', '0055 11 99999-9999', PHONE],
    ['phone as a number', 5511999999999, PHONE],
    ['legacy Brazilian phone', '+55 11 9999-9999', LEGACY_PHONE],
    ['group JID', '120363025246125486@g.us', GROUP],
    ['legacy group JID', '5511999999999-1441234567@g.us', LEGACY_GROUP],
    ['channel JID', '120363025246125486@newsletter', CHANNEL],
    ['user JID becomes its phone', '5511999999999@s.whatsapp.net', PHONE],
    ['legacy c.us JID becomes its phone', '5511999999999@c.us', PHONE],
    ['user JID with device suffix', '5511999999999:12@s.whatsapp.net', PHONE],
    ['legacy 12-digit user JID', '551199999999@s.whatsapp.net', LEGACY_PHONE],
    ['group JID with whitespace', ' 120363025246125486@g.us ', GROUP],
  ])('%s: %j', (_name, input, expected) => {
    expect(parseDestination(input)).toEqual({ ok: true, value: expected });
  });

  it('national phone with a default country', () => {
    expect(parseDestination('(11) 99999-9999', 'to', { defaultCountry: 'BR' })).toEqual({ ok: true, value: PHONE });
  });
});

describe('parseDestination: refusals', () => {
  it.each<[string, unknown, string]>([
    ['hidden @lid user (PilotStatus needs a phone)', '123456789012345@lid', 'destination.lid'],
    ['hidden @lid user with device', '123456789012345:4@lid', 'destination.lid'],
    ['broadcast list', 'status@broadcast', 'destination.broadcast'],
    ['unknown JID server', '5511999999999@example.com', 'jid.server'],
    ['bad group id', 'family@g.us', 'jid.g_us'],
    ['user JID that is no phone', '99912345678@s.whatsapp.net', 'phone.invalid_country_code'],
    ['user JID too short for a phone', '12345@s.whatsapp.net', 'phone.too_short'],
    ['national phone without default country', '(11) 99999-9999', 'phone.missing_country_code'],
    ['letters', 'Ana', 'phone.invalid_characters'],
    ['empty', '', 'required'],
    ['null', null, 'required'],
    ['object', { groupId: GROUP.value }, 'phone.type'],
  ])('%s: %j → %s', (_name, input, rule) => {
    expectIssues(parseDestination(input, 'to'), [['to', rule]]);
  });

  it('the default field is "destination"', () => {
    const [i] = expectIssues(parseDestination('1@lid'), [['destination', 'jid.lid']]);
    expect(i!.message.startsWith('destination ')).toBe(true);
  });

  it('an unknown default country is reported on defaultCountry', () => {
    expectIssues(parseDestination('(11) 99999-9999', 'to', { defaultCountry: 'XX' }), [['defaultCountry', 'country.unknown']]);
  });
});

describe('parseDestinationOfKind', () => {
  it.each<[DestinationKind, string, unknown, Destination]>([
    ['PHONE', 'destinationNumber', '+55 11 99999-9999', PHONE],
    ['PHONE', 'destinationNumber', '5511999999999@c.us', PHONE],
    ['GROUP', 'groupId', '120363025246125486@g.us', GROUP],
    ['CHANNEL', 'newsletterId', '120363025246125486@newsletter', CHANNEL],
  ])('%s in %s accepts %j', (kind, field, input, expected) => {
    expect(parseDestinationOfKind(kind, input, field)).toEqual({ ok: true, value: expected });
  });

  it.each<[DestinationKind, string, unknown, string, RegExp]>([
    ['GROUP', 'groupId', '+5511999999999', 'destination.not_group', /^groupId must be a group id ending in @g\.us, got a phone destination$/],
    ['GROUP', 'groupId', '120363025246125486@newsletter', 'destination.not_group', /got a channel destination$/],
    ['CHANNEL', 'newsletterId', '120363025246125486@g.us', 'destination.not_channel', /^newsletterId must be a channel id ending in @newsletter/],
    ['PHONE', 'destinationNumber', '120363025246125486@g.us', 'destination.not_phone', /^destinationNumber must be a phone number/],
    ['PHONE', 'destinationNumber', '120363025246125486@newsletter', 'destination.not_phone', /got a channel destination$/],
  ])('%s in %s refuses %j with %s', (kind, field, input, rule, message) => {
    const [i] = expectIssues(parseDestinationOfKind(kind, input, field), [[field, rule]]);
    expect(i!.message).toMatch(message);
  });

  it.each<[DestinationKind, string]>([
    ['PHONE', 'destinationNumber'],
    ['GROUP', 'groupId'],
    ['CHANNEL', 'newsletterId'],
  ])('%s: lid and broadcast are refused as such, not as a wrong kind', (kind, field) => {
    expectIssues(parseDestinationOfKind(kind, '123456789012345@lid', field), [[field, 'destination.lid']]);
    expectIssues(parseDestinationOfKind(kind, 'status@broadcast', field), [[field, 'destination.broadcast']]);
  });

  it('a parse failure is passed through with its own rule', () => {
    expectIssues(parseDestinationOfKind('GROUP', 'x@g.us', 'groupId'), [['groupId', 'jid.g_us']]);
  });

  it('DESTINATION_FIELD names the PilotStatus send field of each kind', () => {
    expect(DESTINATION_FIELD).toEqual({ PHONE: 'destinationNumber', GROUP: 'groupId', CHANNEL: 'newsletterId' });
  });
});

describe('parseRyzeChatId', () => {
  it.each<[string, unknown, string]>([
    ['E.164 → digits', '+5511999999999', '5511999999999'],
    ['formatted phone → digits', '+55 (11) 99999-9999', '5511999999999'],
    ['digits stay digits', '5511999999999', '5511999999999'],
    ['legacy 12 digits', '551199999999', '551199999999'],
    ['a number', 5511999999999, '5511999999999'],
    ['user JID → digits', '5511999999999@s.whatsapp.net', '5511999999999'],
    ['c.us JID → digits', '5511999999999@c.us', '5511999999999'],
    ['user JID with device → digits', '5511999999999:12@s.whatsapp.net', '5511999999999'],
    ['lid kept', '123456789012345@lid', '123456789012345@lid'],
    ['lid device suffix dropped', '123456789012345:9@lid', '123456789012345@lid'],
    ['group kept', '120363025246125486@g.us', '120363025246125486@g.us'],
    ['legacy group kept', '5511999999999-1441234567@g.us', '5511999999999-1441234567@g.us'],
    ['channel kept', '120363025246125486@newsletter', '120363025246125486@newsletter'],
    ['server case normalized', '120363025246125486@G.US', '120363025246125486@g.us'],
  ])('%s: %j → %s', (_name, input, expected) => {
    expect(parseRyzeChatId(input)).toEqual({ ok: true, value: expected });
  });

  it('national phone with a default country', () => {
    expect(parseRyzeChatId('(11) 99999-9999', 'number', { defaultCountry: 'BR' })).toEqual({ ok: true, value: '5511999999999' });
  });

  it.each<[string, unknown, string]>([
    ['broadcast', 'status@broadcast', 'destination.broadcast'],
    ['unknown server', '5511999999999@example.com', 'jid.server'],
    ['bad lid', 'x@lid', 'jid.lid'],
    ['letters', 'Ana', 'phone.invalid_characters'],
    ['national without default country', '(11) 99999-9999', 'phone.missing_country_code'],
    ['too short', '+1234567', 'phone.too_short'],
    ['null', null, 'required'],
    ['undefined', undefined, 'required'],
    ['object', {}, 'phone.type'],
    ['boolean', false, 'phone.type'],
    ['list', ['5511999999999'], 'phone.type'],
  ])('%s: %j → %s', (_name, input, rule) => {
    expectIssues(parseRyzeChatId(input, 'number'), [['number', rule]]);
  });

  it('the default field is "number"', () => {
    expectIssues(parseRyzeChatId('abc'), [['number', 'phone.invalid_characters']]);
  });
});

describe('toRyzeChatId / fromRyzeChatId', () => {
  it.each<[Destination, string]>([
    [PHONE, '5511999999999'],
    [LEGACY_PHONE, '551199999999'],
    [GROUP, '120363025246125486@g.us'],
    [LEGACY_GROUP, '5511999999999-1441234567@g.us'],
    [CHANNEL, '120363025246125486@newsletter'],
  ])('%j ↔ %s round trip', (destination, chatId) => {
    expect(toRyzeChatId(destination)).toBe(chatId);
    expect(fromRyzeChatId(chatId)).toEqual({ ok: true, value: destination });
    expect(parseRyzeChatId(destination.value)).toEqual({ ok: true, value: chatId });
  });

  it.each<[string, unknown, Destination]>([
    ['digits with a stray +', '+5511999999999', PHONE],
    ['a user JID as the API returns it', '5511999999999@s.whatsapp.net', PHONE],
    ['a number', 5511999999999, PHONE],
  ])('fromRyzeChatId reads %s', (_name, chatId, expected) => {
    expect(fromRyzeChatId(chatId)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ['a hidden user has no phone to send to', '123456789012345@lid', 'destination.lid'],
    ['a broadcast list', 'status@broadcast', 'destination.broadcast'],
    ['not a number', 'Ana', 'phone.invalid_characters'],
    ['null', null, 'required'],
    ['empty text', '  ', 'required'],
  ])('fromRyzeChatId refuses %s', (_name, chatId, rule) => {
    expectIssues(fromRyzeChatId(chatId), [['chatId', rule]]);
  });

  it('destinationKey is the canonical value, equal for every spelling of one chat', () => {
    const spellings = ['+55 11 99999-9999', '5511999999999@c.us', '5511999999999:3@s.whatsapp.net', '0055 (11) 99999.9999'];
    const keys = spellings.map((s) => destinationKey(valueOf(parseDestination(s))));
    expect(new Set(keys)).toEqual(new Set(['+5511999999999']));
    expect(destinationKey(GROUP)).toBe(GROUP.value);
  });
});
