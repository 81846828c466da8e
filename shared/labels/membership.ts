import { destinationKey, type Destination } from '../destinations';
import { labelKey, tidyLabelName } from './label-name';
import type { RetentionPolicy } from './retention';

/**
 * The seed's label semantics as pure decisions, so every store (the sandbox's SQL tables, an
 * in-memory book in tests) applies the very same rules. A store loads the current row, asks for
 * a decision and writes it.
 */
export interface Label {
  readonly id: string;
  readonly name: string;
}

export interface LabelLink {
  readonly labelId: string;
  readonly destination: Destination;
  /** Display name; `''` when not known yet. */
  readonly name: string;
  /** ISO instant after which the row must be gone; `null` keeps it until removed. */
  readonly expiresAt: string | null;
}

export type LinkDecision =
  | { readonly action: 'insert'; readonly link: LabelLink }
  | { readonly action: 'update'; readonly name?: string; readonly expiresAt?: string | null }
  | { readonly action: 'none'; readonly reason: 'unchanged' | 'not_stored_retention_zero' };

export interface IncomingLink {
  readonly labelId: string;
  readonly destination: Destination;
  readonly name?: string | undefined;
}

/** Finds a label by name the way PilotStatus upserts it: trimmed, case-insensitive. */
export function findLabel<T extends Label>(labels: Iterable<T>, name: string): T | undefined {
  const key = labelKey(name);
  for (const label of labels) if (labelKey(label.name) === key) return label;
  return undefined;
}

/**
 * Upsert by name: the existing label when one has the name (any case), else a new one with the
 * trimmed spelling given. Labels are created even under retention 0; only links hold PII.
 */
export function upsertLabel(labels: readonly Label[], name: string, newId: () => string): { label: Label; created: boolean; labels: Label[] } {
  const existing = findLabel(labels, name);
  if (existing) return { label: existing, created: false, labels: [...labels] };
  const label = { id: newId(), name: tidyLabelName(name) };
  return { label, created: true, labels: [...labels, label] };
}

/**
 * A link made by a send through the public API. With retention 0 nothing is written — not even
 * a name fill — since the link itself would be PII. Otherwise the link is deduplicated by
 * destination, an empty stored name is filled, a stored name is kept, and the expiry moves to
 * the later of the two.
 */
export function decideSendLink(existing: LabelLink | undefined, incoming: IncomingLink, policy: RetentionPolicy, now: Date): LinkDecision {
  if (!policy.storesLinks) return { action: 'none', reason: 'not_stored_retention_zero' };
  const expiresAt = policy.linkExpiresAt(now)?.toISOString() ?? null;
  return decideLink(existing, incoming, expiresAt);
}

/** A link made in the dashboard (import, copy, manual add): kept until removed unless given. */
export function decideDashboardLink(existing: LabelLink | undefined, incoming: IncomingLink, expiresAt: string | null = null): LinkDecision {
  return decideLink(existing, incoming, expiresAt);
}

/**
 * Copy to another label: the source's destination and name go to the target, deduplicated by
 * destination, filling the target's name only when it is empty. The copy keeps the source's expiry.
 */
export function decideCopy(source: LabelLink, existingInTarget: LabelLink | undefined, targetLabelId: string): LinkDecision {
  return decideLink(existingInTarget, { labelId: targetLabelId, destination: source.destination, name: source.name }, source.expiresAt);
}

function decideLink(existing: LabelLink | undefined, incoming: IncomingLink, expiresAt: string | null): LinkDecision {
  const name = incoming.name?.trim() ?? '';
  if (!existing) return { action: 'insert', link: { labelId: incoming.labelId, destination: incoming.destination, name, expiresAt } };
  if (destinationKey(existing.destination) !== destinationKey(incoming.destination) || existing.labelId !== incoming.labelId) {
    throw new RangeError('decideLink compares a link with the row of the same label and destination');
  }
  const fillName = existing.name.trim() === '' && name !== '';
  const extend = existing.expiresAt !== null && (expiresAt === null || expiresAt > existing.expiresAt);
  if (!fillName && !extend) return { action: 'none', reason: 'unchanged' };
  return { action: 'update', ...(fillName ? { name } : {}), ...(extend ? { expiresAt } : {}) };
}

export type EditDecision =
  | { readonly action: 'update'; readonly name: string; readonly destination: Destination }
  | { readonly action: 'conflict'; readonly reason: 'destination_already_in_label' };

/**
 * Dashboard edit of a contact's name or destination. Changing the destination to one the label
 * already holds would break "one row per destination", so it is refused.
 */
export function decideEdit(
  current: LabelLink,
  change: { readonly name?: string; readonly destination?: Destination },
  holderOfNewDestination: LabelLink | undefined,
): EditDecision {
  const destination = change.destination ?? current.destination;
  const moves = destinationKey(destination) !== destinationKey(current.destination);
  if (moves && holderOfNewDestination) return { action: 'conflict', reason: 'destination_already_in_label' };
  return { action: 'update', name: change.name?.trim() ?? current.name, destination };
}

/** Applies a decision to an in-memory list of links (tests, examples, small tools). */
export function applyLinkDecision(links: readonly LabelLink[], decision: LinkDecision, target: IncomingLink): LabelLink[] {
  if (decision.action === 'insert') return [...links, decision.link];
  if (decision.action === 'none') return [...links];
  const key = destinationKey(target.destination);
  return links.map((link) =>
    link.labelId === target.labelId && destinationKey(link.destination) === key
      ? { ...link, ...(decision.name !== undefined ? { name: decision.name } : {}), ...(decision.expiresAt !== undefined ? { expiresAt: decision.expiresAt } : {}) }
      : link,
  );
}

export function findLink(links: Iterable<LabelLink>, labelId: string, destination: Destination): LabelLink | undefined {
  const key = destinationKey(destination);
  for (const link of links) if (link.labelId === labelId && destinationKey(link.destination) === key) return link;
  return undefined;
}

/** Links still kept at `now`. */
export const activeLinks = (links: readonly LabelLink[], now: Date): LabelLink[] =>
  links.filter((link) => link.expiresAt === null || link.expiresAt > now.toISOString());
