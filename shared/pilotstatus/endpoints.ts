import { defineEndpoint, segment } from '../http';
import {
  cancelResponseSchema,
  ignoredBodySchema,
  messageSchema,
  sendMessageResponseSchema,
  templateListSchema,
  webhookListSchema,
  webhookSchema,
} from './schemas';

// Relative to the base URL, which ends in `/v1`.
const WEBHOOKS = '/webhooks';
const webhook = (id: string) => `${WEBHOOKS}/${segment(id)}`;

export const PILOTSTATUS_ENDPOINTS = {
  sendMessage: defineEndpoint({ method: 'POST', path: () => '/messages/send', idempotent: false, response: sendMessageResponseSchema }),
  getMessage: defineEndpoint({ method: 'GET', path: (id: string) => `/messages/${segment(id)}`, idempotent: true, response: messageSchema }),
  // A JSON body on DELETE, as documented. Cancelling twice leaves the same state, so it may be retried.
  cancelMessages: defineEndpoint({ method: 'DELETE', path: () => '/messages/cancel', idempotent: true, response: cancelResponseSchema }),
  listTemplates: defineEndpoint({ method: 'GET', path: () => '/templates', idempotent: true, response: templateListSchema }),
  listWebhooks: defineEndpoint({ method: 'GET', path: () => WEBHOOKS, idempotent: true, response: webhookListSchema }),
  createWebhook: defineEndpoint({ method: 'POST', path: () => WEBHOOKS, idempotent: false, response: webhookSchema }),
  getWebhook: defineEndpoint({ method: 'GET', path: webhook, idempotent: true, response: webhookSchema }),
  // PATCH replaces the fields it names (events included), so repeating it changes nothing more.
  updateWebhook: defineEndpoint({ method: 'PATCH', path: webhook, idempotent: true, response: webhookSchema }),
  deleteWebhook: defineEndpoint({ method: 'DELETE', path: webhook, idempotent: true, response: ignoredBodySchema, goneAfterRetry: {} }),
};
