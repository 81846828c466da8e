import {
  decideCopy,
  decideDashboardLink,
  decideEdit,
  decideSendLink,
  labelKey,
  parseLabelName,
  retentionPolicy,
  type EditDecision,
  type Label,
  type LabelLink,
  type LinkDecision,
} from '../../shared/labels';
import type { Destination } from '../../shared/destinations';
import { unwrap } from '../../shared/errors';
import type { SandboxClock } from '../clock';
import type { SandboxDatabase } from '../db/database';
import { newId } from '../secret-hash';

interface LinkRow {
  label_id: string;
  destination_kind: 'PHONE' | 'GROUP';
  destination: string;
  name: string;
  expires_at: string | null;
}

export type LinkableDestination = Destination & { readonly kind: 'PHONE' | 'GROUP' };

/**
 * Tenant labels in SQL. Every change is decided by the core's membership rules (the seed's
 * semantics); this class only loads the current row and writes the decision.
 */
export class LabelStore {
  constructor(
    private readonly db: SandboxDatabase,
    private readonly clock: SandboxClock,
  ) {}

  /** Upsert by name (case-insensitive); labels exist even under retention 0. */
  upsertLabel(tenantId: string, name: string): { label: Label; created: boolean } {
    const tidy = unwrap(parseLabelName(name, 'name'));
    const existing = this.db.get<Label>('SELECT id, name FROM labels WHERE tenant_id = ? AND name_key = ?', [tenantId, labelKey(tidy)]);
    if (existing) return { label: existing, created: false };
    const label = { id: newId('lbl_'), name: tidy };
    this.db.run('INSERT INTO labels (id, tenant_id, name, name_key, created_at) VALUES (?, ?, ?, ?, ?)', [label.id, tenantId, tidy, labelKey(tidy), this.clock.iso()]);
    return { label, created: true };
  }

  getLabel(tenantId: string, labelId: string): Label | undefined {
    return this.db.get<Label>('SELECT id, name FROM labels WHERE tenant_id = ? AND id = ?', [tenantId, labelId]);
  }

  listLabels(tenantId: string): (Label & { contacts: number })[] {
    return this.db.all<Label & { contacts: number }>(
      `SELECT l.id, l.name, l.created_at AS createdAt,
              (SELECT COUNT(*) FROM label_contacts c WHERE c.label_id = l.id AND (c.expires_at IS NULL OR c.expires_at > ?)) AS contacts
         FROM labels l WHERE l.tenant_id = ? ORDER BY l.created_at, l.name`,
      [this.clock.iso(), tenantId],
    );
  }

  /** Links still kept now (an expired row is as good as gone even before the sweep). */
  listLinks(labelId: string): LabelLink[] {
    return this.db
      .all<LinkRow>('SELECT * FROM label_contacts WHERE label_id = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at, destination', [labelId, this.clock.iso()])
      .map(toLink);
  }

  findLink(labelId: string, destination: Destination): LabelLink | undefined {
    const row = this.db.get<LinkRow>('SELECT * FROM label_contacts WHERE label_id = ? AND destination = ? AND (expires_at IS NULL OR expires_at > ?)', [
      labelId, destination.value, this.clock.iso(),
    ]);
    return row ? toLink(row) : undefined;
  }

  /** A send through the public API with `labels`, under the key's retention. */
  linkFromSend(labelId: string, destination: LinkableDestination, name: string, retentionDays: number): LinkDecision {
    const incoming = { labelId, destination, name };
    return this.apply(decideSendLink(this.findLink(labelId, destination), incoming, retentionPolicy(retentionDays), this.clock.now()), incoming);
  }

  /** Import or manual add in the dashboard. */
  linkFromDashboard(labelId: string, destination: LinkableDestination, name: string): LinkDecision {
    const incoming = { labelId, destination, name };
    return this.apply(decideDashboardLink(this.findLink(labelId, destination), incoming), incoming);
  }

  copy(source: LabelLink, targetLabelId: string): LinkDecision {
    const decision = decideCopy(source, this.findLink(targetLabelId, source.destination), targetLabelId);
    return this.apply(decision, { labelId: targetLabelId, destination: source.destination });
  }

  edit(current: LabelLink, change: { name?: string; destination?: LinkableDestination }): EditDecision {
    const holder = change.destination ? this.findLink(current.labelId, change.destination) : undefined;
    const decision = decideEdit(current, change, holder);
    if (decision.action === 'update') {
      this.db.run('UPDATE label_contacts SET destination_kind = ?, destination = ?, name = ?, updated_at = ? WHERE label_id = ? AND destination = ?', [
        decision.destination.kind, decision.destination.value, decision.name, this.clock.iso(), current.labelId, current.destination.value,
      ]);
    }
    return decision;
  }

  /** Deletes rows past their retention; the dump then holds no expired destination. */
  sweepExpired(): number {
    return this.db.run('DELETE FROM label_contacts WHERE expires_at IS NOT NULL AND expires_at <= ?', [this.clock.iso()]).changes;
  }

  private apply(decision: LinkDecision, target: { labelId: string; destination: Destination }): LinkDecision {
    const now = this.clock.iso();
    if (decision.action === 'insert') {
      const { link } = decision;
      // An expired row may still sit there until the sweep: the new link replaces it.
      this.db.run('DELETE FROM label_contacts WHERE label_id = ? AND destination = ?', [link.labelId, link.destination.value]);
      this.db.run(
        'INSERT INTO label_contacts (label_id, destination_kind, destination, name, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [link.labelId, link.destination.kind, link.destination.value, link.name, link.expiresAt, now, now],
      );
    } else if (decision.action === 'update') {
      if (decision.name !== undefined) {
        this.db.run('UPDATE label_contacts SET name = ?, updated_at = ? WHERE label_id = ? AND destination = ?', [decision.name, now, target.labelId, target.destination.value]);
      }
      if (decision.expiresAt !== undefined) {
        this.db.run('UPDATE label_contacts SET expires_at = ?, updated_at = ? WHERE label_id = ? AND destination = ?', [decision.expiresAt, now, target.labelId, target.destination.value]);
      }
    }
    return decision;
  }
}

function toLink(row: LinkRow): LabelLink {
  return {
    labelId: row.label_id,
    destination: { kind: row.destination_kind, value: row.destination },
    name: row.name,
    expiresAt: row.expires_at,
  };
}
