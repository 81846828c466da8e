import {
  defineTrigger,
  type Bundle,
  type PlainInputField,
  type WebhookTriggerPerform,
  type WebhookTriggerPerformList,
  type WebhookTriggerPerformSubscribe,
  type WebhookTriggerPerformUnsubscribe,
  type ZObject,
} from 'zapier-platform-core';
import { isApiError } from '../../../../shared/errors';
import { ALL_EVENTS, MESSAGE_EVENTS, readWebhookEvent } from '../../../../shared/pilotstatus';
import { handled, pilotStatus } from '../client';


const eventsField = {
  key: 'events',
  label: 'Events',
  required: true,
  list: true,
  default: 'message.delivered',
  helpText: 'Which PilotStatus events start the Zap. "All Events" includes events PilotStatus adds later.',
  choices: [
    { value: ALL_EVENTS, sample: ALL_EVENTS, label: 'All Events' },
    ...MESSAGE_EVENTS.map(({ event, label }) => ({ value: event, sample: event, label })),
  ],
} satisfies PlainInputField;

/** The shape of every item: PilotStatus's `data`, its event name, and `id` = the event id (`data.id`). */
const SAMPLE = {
  id: 'evt_3f9a1c2b7d',
  event: 'message.delivered',
  internalMessageId: 'msg_8c1d2e3f4a',
  correlationId: 'corr_5b6a7c8d9e',
  status: 'DELIVERED',
  destinationNumber: '+5511988887777',
  whatsappNumberId: 'num_demo',
  externalMessageId: 'wamid.HBgNNTUxMTk4ODg4Nzc3NxUCABEYEjQ',
  timestamp: '2026-11-21T12:00:05.000Z',
};

const events = (bundle: Bundle): string[] => {
  const chosen = bundle.inputData.events;
  return (Array.isArray(chosen) ? chosen : typeof chosen === 'string' ? chosen.split(',') : []).map(String).map((e) => e.trim()).filter(Boolean);
};

/**
 * Registers `bundle.targetUrl` for the chosen events; the webhook (with its id) is the subscribe
 * data. A subscribe whose answer was lost, which Zapier never learnt the id of, is reused by the
 * core's `registerWebhook` instead of doubled.
 */
const performSubscribe = handled(async (z: ZObject, bundle: Bundle) => {
  return pilotStatus(z, bundle).registerWebhook({ url: bundle.targetUrl ?? '', events: bundle.inputData.events as string[], name: 'Zapier' });
}, [eventsField]) satisfies WebhookTriggerPerformSubscribe;

/** Removes the webhook. One already gone (deleted in the dashboard) counts as removed. */
const performUnsubscribe = handled(async (z: ZObject, bundle: Bundle) => {
  const id = bundle.subscribeData?.id;
  try {
    return await pilotStatus(z, bundle).deleteWebhook(id);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { id: String(id), deleted: true, alreadyGone: true };
    throw error;
  }
}) satisfies WebhookTriggerPerformUnsubscribe;

/**
 * One item per delivery: `{ id: data.id, event, ...data }`. Bodies that are not PilotStatus
 * events, events not chosen, and events of another number than the connection's are dropped.
 * `id` is PilotStatus's event id, the same on a repeated delivery: the key Zapier's trigger
 * deduplication uses. (Whether Zapier dedupes REST hook items as it does polled ones is not
 * documented; the app keeps no state of its own.)
 */
const perform = (async (z: ZObject, bundle: Bundle) => {
  const verdict = readWebhookEvent(bundle.cleanedRequest, { events: events(bundle), whatsappNumberId: bundle.authData.whatsappNumberId });
  return verdict.accepted ? [verdict.item] : [];
}) satisfies WebhookTriggerPerform;

/**
 * PilotStatus has no endpoint that lists past events (nor past messages), so the editor's "test
 * trigger" gets the documented event shape above, not data from the account. Real runs carry real
 * deliveries.
 */
const performList = (async () => [SAMPLE]) satisfies WebhookTriggerPerformList;

export default defineTrigger({
  key: 'message_event',
  noun: 'Message Event',
  display: {
    label: 'New Message Event',
    description: 'Triggers when PilotStatus reports a WhatsApp message event, such as a message delivered, read, failed or received.',
  },
  operation: {
    type: 'hook',
    inputFields: [eventsField],
    performSubscribe,
    performUnsubscribe,
    perform,
    performList,
    sample: SAMPLE,
    outputFields: [
      { key: 'id', label: 'Event ID' },
      { key: 'event', label: 'Event' },
      { key: 'internalMessageId', label: 'Message ID' },
      { key: 'correlationId', label: 'Correlation ID' },
      { key: 'status', label: 'Status' },
      { key: 'destinationNumber', label: 'Destination Number' },
      { key: 'groupId', label: 'Group ID' },
      { key: 'newsletterId', label: 'Channel ID' },
      { key: 'whatsappNumberId', label: 'WhatsApp Number ID' },
      { key: 'externalMessageId', label: 'WhatsApp Message ID' },
      { key: 'timestamp', label: 'Timestamp', type: 'datetime' },
      { key: 'errorCode', label: 'Error Code' },
    ],
  },
});

