/**
 * The sandbox's notion of now. Tests move it forward (`POST /_sandbox/clock`) to reach a
 * schedule or a retention expiry without waiting days.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  iso(): string {
    return this.now().toISOString();
  }

  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
