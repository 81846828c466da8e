import { CHANNEL_SUFFIX, GROUP_SUFFIX, formatJid, looksLikeJid, parseJid, type Jid } from '../../shared/destinations';
import { expectIssues } from './parsed';

describe('parseJid: accepted forms', () => {
  it.each<[string, string, Jid, string]>([
    ['group', '120363025246125486@g.us', { user: '120363025246125486', server: 'g.us' }, '120363025246125486@g.us'],
    ['legacy group creator-timestamp', '5511999999999-1441234567@g.us', { user: '5511999999999-1441234567', server: 'g.us' }, '5511999999999-1441234567@g.us'],
    ['channel', '120363025246125486@newsletter', { user: '120363025246125486', server: 'newsletter' }, '120363025246125486@newsletter'],
    ['user', '5511999999999@s.whatsapp.net', { user: '5511999999999', server: 's.whatsapp.net' }, '5511999999999@s.whatsapp.net'],
    ['legacy c.us becomes s.whatsapp.net', '5511999999999@c.us', { user: '5511999999999', server: 's.whatsapp.net' }, '5511999999999@s.whatsapp.net'],
    ['server in upper case', '5511999999999@C.US', { user: '5511999999999', server: 's.whatsapp.net' }, '5511999999999@s.whatsapp.net'],
    ['device suffix dropped', '5511999999999:12@s.whatsapp.net', { user: '5511999999999', server: 's.whatsapp.net' }, '5511999999999@s.whatsapp.net'],
    ['agent and device suffix dropped', '5511999999999.0:3@s.whatsapp.net', { user: '5511999999999', server: 's.whatsapp.net' }, '5511999999999@s.whatsapp.net'],
    ['agent suffix only dropped', '5511999999999.1@c.us', { user: '5511999999999', server: 's.whatsapp.net' }, '5511999999999@s.whatsapp.net'],
    ['hidden user id', '123456789012345@lid', { user: '123456789012345', server: 'lid' }, '123456789012345@lid'],
    ['hidden user id with device', '123456789012345:7@lid', { user: '123456789012345', server: 'lid' }, '123456789012345@lid'],
    ['broadcast (status)', 'status@broadcast', { user: 'status', server: 'broadcast' }, 'status@broadcast'],
    ['surrounding whitespace', '  120363025246125486@g.us \n', { user: '120363025246125486', server: 'g.us' }, '120363025246125486@g.us'],
  ])('%s: %j', (_name, input, jid, formatted) => {
    const parsed = parseJid(input);
    expect(parsed).toEqual({ ok: true, value: jid });
    expect(formatJid(jid)).toBe(formatted);
  });
});

describe('parseJid: rejections', () => {
  it.each<[string, string, string]>([
    ['unknown server', '5511999999999@example.com', 'jid.server'],
    ['typo in server', '5511999999999@g.uss', 'jid.server'],
    ['empty server', '5511999999999@', 'jid.server'],
    ['prototype key as server', '5511999999999@constructor', 'jid.server'],
    ['__proto__ as server', '5511999999999@__proto__', 'jid.server'],
    ['toString as server', '5511999999999@toString', 'jid.server'],
    ['no user', '@g.us', 'jid.format'],
    ['no @ at all', '5511999999999', 'jid.format'],
    ['letters in a group id', 'abc@g.us', 'jid.g_us'],
    ['device suffix on a group', '120363025246125486:2@g.us', 'jid.g_us'],
    ['group id too short', '1234@g.us', 'jid.g_us'],
    ['legacy group with a bad timestamp', '5511999999999-abc@g.us', 'jid.g_us'],
    ['letters in a channel id', 'news@newsletter', 'jid.newsletter'],
    ['letters in a user id', 'ana@s.whatsapp.net', 'jid.user'],
    ['user id too short', '1234@c.us', 'jid.user'],
    ['user id too long', `${'1'.repeat(21)}@s.whatsapp.net`, 'jid.user'],
    ['plus in a user id', '+5511999999999@s.whatsapp.net', 'jid.user'],
    ['letters in a lid', 'abc@lid', 'jid.lid'],
    ['bad broadcast id', 'a b@broadcast', 'jid.broadcast'],
  ])('%s: %j → %s', (_name, input, rule) => {
    const [i] = expectIssues(parseJid(input, 'chat'), [['chat', rule]]);
    expect(i!.message.startsWith('chat ')).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['number', 5511999999999, 'a number'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['object', { jid: 'x@g.us' }, 'an object'],
  ])('non-string %s → jid.type', (_name, input, described) => {
    const [i] = expectIssues(parseJid(input), [['jid', 'jid.type']]);
    expect(i!.message).toBe(`jid must be text, got ${described}`);
  });
});

describe('jid helpers', () => {
  it('suffix constants', () => {
    expect(GROUP_SUFFIX).toBe('@g.us');
    expect(CHANNEL_SUFFIX).toBe('@newsletter');
  });

  it.each<[string, boolean]>([
    ['a@b', true],
    ['120363025246125486@g.us', true],
    ['+5511999999999', false],
    ['', false],
  ])('looksLikeJid(%j) = %s', (text, expected) => {
    expect(looksLikeJid(text)).toBe(expected);
  });
});
