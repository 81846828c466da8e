import type { Destination } from '../../shared/destinations';

/**
 * Raw destinations of messages still being processed, in memory only. A retention-0 key stores
 * no destination in the database, yet processing needs it (labels, the webhook payload): it
 * lives here until the message reaches a final status, and is lost on a restart.
 */
export class PendingDestinations {
  private readonly byMessage = new Map<string, Destination>();

  hold(messageId: string, destination: Destination): void {
    this.byMessage.set(messageId, destination);
  }

  get(messageId: string): Destination | undefined {
    return this.byMessage.get(messageId);
  }

  release(messageId: string): void {
    this.byMessage.delete(messageId);
  }

  clear(): void {
    this.byMessage.clear();
  }
}
