import type { ErrorRule } from '../http';

const TOKEN_HINT = "Check the token in the credentials: the account token, or this instance's token.";

/**
 * RyzeAPI failures: `{ success: false, error: { message } }`. Rows match the documented messages
 * by prefix (case-insensitive), since some carry details after a colon.
 */
export const RYZEAPI_ERRORS: readonly ErrorRule[] = [
  {
    status: 400,
    serviceMessage: 'Instance name is required',
    code: 'INSTANCE_NAME_REQUIRED',
    message: 'RyzeAPI needs an instance name',
    hint: 'Set the instance name (as shown in the RyzeAPI dashboard).',
  },
  {
    status: 400,
    serviceMessage: 'Invalid request body',
    code: 'INVALID_REQUEST_BODY',
    message: 'RyzeAPI could not read the request body',
    hint: 'The request was malformed on its way to RyzeAPI (a proxy altering it, or a bug in the pack): please report it.',
    quoteService: true,
  },
  {
    status: 400,
    serviceMessage: 'Tag name is required',
    code: 'TAG_NAME_REQUIRED',
    message: 'RyzeAPI needs a tag name',
    hint: 'Give the tag a name that is not blank.',
  },
  {
    status: 400,
    serviceMessage: ['Number is required', 'number query parameter is required'],
    code: 'CHAT_NUMBER_REQUIRED',
    message: 'RyzeAPI needs the chat number',
    hint: 'Give a phone number with country code, or a WhatsApp id (…@s.whatsapp.net, …@lid, …@g.us).',
  },
  {
    status: 400,
    serviceMessage: ['tagId is required', 'tagId query parameter is required'],
    code: 'TAG_ID_REQUIRED',
    message: 'RyzeAPI needs the tag id',
    hint: 'Pick the tag from the list, or use its name with the "by name" operations.',
  },
  {
    status: 401,
    serviceMessage: 'Invalid token',
    code: 'INVALID_TOKEN',
    message: 'RyzeAPI did not accept the token',
    hint: TOKEN_HINT,
  },
  {
    status: 401,
    code: 'UNAUTHORIZED',
    message: 'RyzeAPI refused the credentials',
    hint: TOKEN_HINT,
    quoteService: true,
  },
  {
    status: 404,
    serviceMessage: 'Instance not found',
    code: 'INSTANCE_NOT_FOUND',
    message: 'RyzeAPI has no instance with that name for this token',
    hint: 'Check the instance name (exactly as in the RyzeAPI dashboard) and that the token belongs to its account.',
  },
  {
    status: 404,
    serviceMessage: 'Tag not found',
    code: 'TAG_NOT_FOUND',
    message: 'RyzeAPI has no tag with that id on this instance',
    hint: 'List the tags to pick a current id; a deleted tag keeps no id.',
  },
  {
    status: 404,
    code: 'NOT_FOUND',
    message: 'RyzeAPI found nothing there',
    hint: 'Check the base URL and the instance name.',
    quoteService: true,
  },
  {
    status: 429,
    code: 'RATE_LIMITED',
    message: 'RyzeAPI is rate limiting requests (100 per minute per token)',
    hint: 'Retry later, or spread the requests out: every workflow using this token shares the limit.',
  },
  {
    status: 503,
    serviceMessage: 'Instance is not connected to WhatsApp',
    code: 'INSTANCE_NOT_CONNECTED',
    message: 'The RyzeAPI instance is not connected to WhatsApp',
    hint: 'Reconnect the instance: open it in the RyzeAPI dashboard and scan the QR code with WhatsApp on the phone.',
    persistent: true,
  },
  {
    status: '5xx',
    code: 'SERVER_ERROR',
    message: 'RyzeAPI had an internal error',
    hint: 'Retry later; if it persists, contact RyzeAPI support.',
    quoteService: true,
  },
  {
    status: '4xx',
    code: 'BAD_REQUEST',
    message: 'RyzeAPI refused the request',
    hint: "Check the inputs; RyzeAPI's own words are at the end of the message.",
    quoteService: true,
  },
];
