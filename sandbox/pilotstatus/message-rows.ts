import type { Destination, DestinationKind } from '../../shared/destinations';
import type { SandboxDatabase } from '../db/database';
import type { DestinationField } from './schemas';

export const MESSAGE_STATUSES = ['QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'CANCELED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageRow {
  id: string;
  correlation_id: string;
  wa_id: string | null;
  number_id: string;
  api_key_id: string;
  destination_kind: DestinationKind;
  destination: string | null;
  destination_hash: string;
  destination_expires_at: string | null;
  mode: string;
  template_id: string | null;
  labels: string;
  status: MessageStatus;
  error_code: string | null;
  deliver_at: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  delivered_at: string | null;
  read_at: string | null;
  canceled_at: string | null;
  failed_at: string | null;
}

/** The send field (and webhook `data` field) that carries each kind of destination. */
export const FIELD_OF_KIND: Record<DestinationKind, DestinationField> = {
  PHONE: 'destinationNumber',
  GROUP: 'groupId',
  CHANNEL: 'newsletterId',
};

/** The destination as the database still holds it, or nothing once retention emptied it. */
export function storedDestination(row: MessageRow): Destination | undefined {
  return row.destination === null ? undefined : ({ kind: row.destination_kind, value: row.destination } as Destination);
}

/** By internal id, correlationId or WhatsApp id, within one number only. */
export function findMessage(db: SandboxDatabase, numberId: string, ref: string): MessageRow | undefined {
  return db.get<MessageRow>('SELECT * FROM messages WHERE number_id = ? AND (id = ? OR correlation_id = ? OR wa_id = ?)', [numberId, ref, ref, ref]);
}

const ERROR_TEXT: Record<string, string> = {
  WHATSAPP_NOT_EXIST: 'The destination has no WhatsApp account',
  EXPIRED_AFTER_ATTEMPTS: 'The message could not be processed and expired',
};

/** `GET /v1/messages/{id}`. The destination appears only while the database still keeps it. */
export function messageView(row: MessageRow, templateName: string | null) {
  const destination = storedDestination(row);
  return {
    id: row.id,
    correlationId: row.correlation_id,
    status: row.status,
    origin: 'api',
    whatsappNumberId: row.number_id,
    ...(destination ? { [FIELD_OF_KIND[destination.kind]]: destination.value } : {}),
    templateId: row.template_id,
    template: templateName,
    labels: JSON.parse(row.labels) as string[],
    deliverAt: row.deliver_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    deliveredAt: row.delivered_at,
    readAt: row.read_at,
    canceledAt: row.canceled_at,
    failedAt: row.failed_at,
    errorCode: row.error_code,
    errorMessage: row.error_code ? (ERROR_TEXT[row.error_code] ?? null) : null,
    externalMessageId: row.wa_id,
  };
}
