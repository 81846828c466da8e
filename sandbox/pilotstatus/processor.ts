/**
 * Asynchronous message processing — the sandbox's rules. PilotStatus's own timing and outcomes
 * cannot be observed, so these are chosen to make every documented path reachable on purpose:
 *
 *  - One run (`ctx.process()`: the timer, or `POST /_sandbox/process`) moves every due message
 *    exactly one step. A QUEUED message is due when it has no `deliverAt` or it has passed.
 *  - QUEUED → labels applied (below), then SENT with a random `wamid.…` WhatsApp id, or FAILED
 *    `WHATSAPP_NOT_EXIST` when the phone ends in `0000` ("not on WhatsApp").
 *  - SENT → DELIVERED.
 *  - DELIVERED → READ only for phones whose last digit is even (read receipts on). Other phones,
 *    groups and channels stay DELIVERED: READ needs the recipient's read receipts.
 *  - Labels (send with `labels`): each name is upserted for the tenant, then the destination is
 *    linked under the key's retention by the core's membership rules (retention 0: no link row).
 *    The display name comes from the WhatsApp profile the number can see (`wa_profiles`), which
 *    fills a link's name only while it is empty. Applied before the send, so a failed send
 *    still tags its destination.
 *  - Every status change posts `message.sent|delivered|read|failed` to the webhooks, awaited,
 *    so a test that ran `process()` can assert what its receiver got.
 *  - A message whose destination is no longer known (a retention-0 key keeps it only in memory,
 *    and the sandbox restarted mid-way) fails with `EXPIRED_AFTER_ATTEMPTS`, or stays where it
 *    is once DELIVERED.
 *  - Sweep, every run: label links past their retention are deleted, and message destinations
 *    past theirs are emptied.
 */
import { randomBytes } from 'node:crypto';
import type { Destination } from '../../shared/destinations';
import type { ProcessingStep, SandboxContext } from '../context';
import { LabelStore } from '../labels/store';
import { messageEvent, STATUS_EVENT } from './message-events';
import { storedDestination, type MessageRow, type MessageStatus } from './message-rows';
import type { PendingDestinations } from './pending-destinations';
import type { WebhookDeliveries } from './webhook-delivery';

interface DueMessage extends MessageRow {
  tenant_id: string;
  retention_days: number;
}

const TIMESTAMP_COLUMN: Partial<Record<MessageStatus, string>> = {
  SENT: 'sent_at',
  DELIVERED: 'delivered_at',
  READ: 'read_at',
  FAILED: 'failed_at',
};

const readsReceipts = (destination: Destination) => destination.kind === 'PHONE' && Number(destination.value.slice(-1)) % 2 === 0;
const notOnWhatsApp = (destination: Destination) => destination.kind === 'PHONE' && destination.value.endsWith('0000');

export class MessageProcessor {
  private readonly labels: LabelStore;

  constructor(
    private readonly ctx: SandboxContext,
    private readonly pending: PendingDestinations,
    private readonly deliveries: WebhookDeliveries,
  ) {
    this.labels = new LabelStore(ctx.db, ctx.clock);
  }

  readonly advanceAll: ProcessingStep = async () => {
    const due = this.ctx.db.all<DueMessage>(
      `SELECT m.*, n.tenant_id, k.retention_days
         FROM messages m JOIN numbers n ON n.id = m.number_id JOIN api_keys k ON k.id = m.api_key_id
        WHERE m.status IN ('SENT', 'DELIVERED') OR (m.status = 'QUEUED' AND (m.deliver_at IS NULL OR m.deliver_at <= ?))
        ORDER BY m.created_at, m.id`,
      [this.ctx.clock.iso()],
    );
    for (const message of due) {
      try {
        await this.advance(message);
      } catch (error) {
        this.ctx.options.log(`processing message ${message.id} failed: ${(error as Error).message}`);
      }
    }
  };

  readonly sweep: ProcessingStep = () => {
    const now = this.ctx.clock.iso();
    this.labels.sweepExpired();
    this.ctx.db.run('UPDATE messages SET destination = NULL WHERE destination IS NOT NULL AND destination_expires_at IS NOT NULL AND destination_expires_at <= ?', [now]);
  };

  private async advance(message: DueMessage): Promise<void> {
    const destination = this.pending.get(message.id) ?? storedDestination(message);
    if (!destination) {
      if (message.status !== 'DELIVERED') await this.move(message, 'FAILED', undefined, { error_code: 'EXPIRED_AFTER_ATTEMPTS' });
      return;
    }
    switch (message.status) {
      case 'QUEUED':
        // Labels and the status change in one synchronous block: a cancel cannot slip in between.
        if (notOnWhatsApp(destination)) {
          return this.move(message, 'FAILED', destination, { error_code: 'WHATSAPP_NOT_EXIST' }, () => this.applyLabels(message, destination));
        }
        return this.move(message, 'SENT', destination, { wa_id: `wamid.${randomBytes(18).toString('base64url')}` }, () => this.applyLabels(message, destination));
      case 'SENT':
        return this.move(message, 'DELIVERED', destination);
      case 'DELIVERED':
        if (readsReceipts(destination)) return this.move(message, 'READ', destination);
        this.pending.release(message.id);
        return;
    }
  }

  /**
   * Changes the status only if nobody else did since the run started (a cancel arrives while
   * earlier webhooks are awaited), then tells the webhooks.
   */
  private async move(
    message: DueMessage,
    to: MessageStatus,
    destination: Destination | undefined,
    columns: Record<string, string> = {},
    alongside?: () => void,
  ): Promise<void> {
    const now = this.ctx.clock.iso();
    const stamped = TIMESTAMP_COLUMN[to];
    const set = { status: to, updated_at: now, ...(stamped ? { [stamped]: now } : {}), ...columns };
    const moved = this.ctx.db.transaction(() => {
      const { changes } = this.ctx.db.run(
        `UPDATE messages SET ${Object.keys(set).map((column) => `${column} = ?`).join(', ')} WHERE id = ? AND status = ?`,
        [...Object.values(set), message.id, message.status],
      );
      if (changes === 1) alongside?.();
      return changes === 1;
    });
    if (!moved) return;
    const final = to === 'READ' || to === 'FAILED' || (to === 'DELIVERED' && (!destination || !readsReceipts(destination)));
    if (final) this.pending.release(message.id);

    const event = STATUS_EVENT[to];
    const row = this.ctx.db.get<MessageRow>('SELECT * FROM messages WHERE id = ?', [message.id]);
    if (event && row) await this.deliveries.publish(message.tenant_id, message.number_id, messageEvent(event, row, destination, now));
  }

  private applyLabels(message: DueMessage, destination: Destination): void {
    const names = JSON.parse(message.labels) as string[];
    if (names.length === 0 || destination.kind === 'CHANNEL') return;
    const profileName = this.ctx.db.get<{ name: string }>('SELECT name FROM wa_profiles WHERE destination = ?', [destination.value])?.name ?? '';
    for (const name of names) {
      const { label } = this.labels.upsertLabel(message.tenant_id, name);
      this.labels.linkFromSend(label.id, destination, profileName, message.retention_days);
    }
  }
}
