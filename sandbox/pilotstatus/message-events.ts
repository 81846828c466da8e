import type { Destination } from '../../shared/destinations';
import { newId } from '../secret-hash';
import { FIELD_OF_KIND, type MessageRow, type MessageStatus } from './message-rows';
import type { WebhookEnvelope } from './webhook-delivery';

export const STATUS_EVENT: Partial<Record<MessageStatus, string>> = {
  SENT: 'message.sent',
  DELIVERED: 'message.delivered',
  READ: 'message.read',
  FAILED: 'message.failed',
};

/**
 * The webhook event for a message's new status. `internalMessageId` is the send answer's `id`;
 * the destination is given as sent (E.164 with `+`, or the JID), when still known.
 */
export function messageEvent(event: string, row: MessageRow, destination: Destination | undefined, at: string): WebhookEnvelope {
  return {
    event,
    data: {
      id: newId('evt_'),
      internalMessageId: row.id,
      correlationId: row.correlation_id,
      status: row.status,
      ...(destination ? { [FIELD_OF_KIND[destination.kind]]: destination.value } : {}),
      whatsappNumberId: row.number_id,
      externalMessageId: row.wa_id,
      timestamp: at,
      ...(row.error_code ? { errorCode: row.error_code } : {}),
    },
  };
}
