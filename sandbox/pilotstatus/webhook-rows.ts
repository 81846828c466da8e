import { z } from 'zod/v4';
import type { SandboxDatabase } from '../db/database';
import { ALL_EVENTS } from './schemas';
import type { WebhookScope } from './scope';

export interface WebhookRow {
  id: string;
  tenant_id: string;
  number_id: string | null;
  name: string | null;
  url: string;
  events: string;
  active: number;
  secret_hash: string;
  created_at: string;
  updated_at: string;
}

const eventList = z.array(z.string());
export const eventsOf = (row: WebhookRow): string[] => eventList.parse(JSON.parse(row.events));

/** `[]` delivers nothing, `["*"]` everything. */
export const subscribes = (row: WebhookRow, event: string): boolean => eventsOf(row).some((name) => name === ALL_EVENTS || name === event);

/** What the API shows: never the secret, nor its hash. A null number means every number of the tenant. */
export function webhookView(row: WebhookRow) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: eventsOf(row),
    active: row.active === 1,
    whatsappNumberId: row.number_id,
    whatsappNumberIds: row.number_id === null ? [] : [row.number_id],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// A tenant key without a number sees every webhook of the tenant; otherwise one number's.
const SCOPE_FILTER = 'tenant_id = ? AND (? IS NULL OR number_id = ?)';
const scopeValues = (scope: WebhookScope) => [scope.tenantId, scope.numberId, scope.numberId];

export function listWebhooks(db: SandboxDatabase, scope: WebhookScope): WebhookRow[] {
  return db.all<WebhookRow>(`SELECT * FROM webhooks WHERE ${SCOPE_FILTER} ORDER BY created_at, id`, scopeValues(scope));
}

export function findWebhook(db: SandboxDatabase, scope: WebhookScope, id: string): WebhookRow | undefined {
  return db.get<WebhookRow>(`SELECT * FROM webhooks WHERE id = ? AND ${SCOPE_FILTER}`, [id, ...scopeValues(scope)]);
}

/** Active webhooks that want `event` from `numberId`: the number's own and the tenant-wide ones. */
export function subscribers(db: SandboxDatabase, tenantId: string, numberId: string, event: string): WebhookRow[] {
  return db
    .all<WebhookRow>('SELECT * FROM webhooks WHERE tenant_id = ? AND active = 1 AND (number_id IS NULL OR number_id = ?) ORDER BY created_at, id', [tenantId, numberId])
    .filter((row) => subscribes(row, event));
}
