/**
 * The chat a RyzeAPI `number` names, as the chat JID it is stored under. Written from the spec,
 * apart from the core's parsers, so a client that sends a wrong spelling is caught here.
 *
 * Accepted (everything else is refused, since the docs name no other form):
 *  - phone digits with the country code, no `+` (8–15 digits) → `<digits>@s.whatsapp.net`;
 *  - `<digits>@s.whatsapp.net`, or the legacy `@c.us` → `<digits>@s.whatsapp.net`;
 *  - `<digits>@lid` (hidden user), `<digits>@g.us` or `<creator>-<time>@g.us` (group),
 *    `<digits>@newsletter` (channel), kept as they are.
 * A device suffix (`user:2@…`, `user.0:2@…`) names one of the user's phones, not another chat,
 * and is dropped, as WhatsApp libraries do before storing a chat.
 */
export function toChatJid(number: string): string | undefined {
  const text = number.trim();
  if (PHONE_DIGITS.test(text)) return `${text}@s.whatsapp.net`;
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  const server = text.slice(at + 1).toLowerCase();
  const user = text.slice(0, at);
  switch (server) {
    case 's.whatsapp.net':
    case 'c.us': {
      const digits = withoutDevice(user);
      return PHONE_DIGITS.test(digits) ? `${digits}@s.whatsapp.net` : undefined;
    }
    case 'lid': {
      const digits = withoutDevice(user);
      return ID_DIGITS.test(digits) ? `${digits}@lid` : undefined;
    }
    case 'g.us':
      return GROUP_USER.test(user) ? `${user}@g.us` : undefined;
    case 'newsletter':
      return ID_DIGITS.test(user) ? `${user}@newsletter` : undefined;
    default:
      return undefined;
  }
}

const PHONE_DIGITS = /^[1-9]\d{7,14}$/;
const ID_DIGITS = /^\d{5,25}$/;
const GROUP_USER = /^\d{5,25}(-\d{5,15})?$/;

const withoutDevice = (user: string): string => user.replace(/(\.\d+)?(:\d+)?$/, '');
