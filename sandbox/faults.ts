import { z } from 'zod/v4';

/**
 * Fault injection per route: the next `count` requests matching `method` + `route` (the route
 * pattern as registered, e.g. `POST /v1/messages/send`, or `*`) get the fault instead of — or,
 * for `drop_after`, after — normal handling.
 *  - `respond`: answer `status` with `body` (default: the service's own error body) and `headers`;
 *  - `drop`: close the connection before handling (the request provably had no effect);
 *  - `drop_after`: handle the request, then close the connection instead of answering
 *    (the effect happened, the client never hears of it);
 *  - `delay`: handle the request after `delayMs` and answer then. The request is read first, so a
 *    client that gives up meanwhile still gets the effect, late (a slow service, not a lost request);
 *  - `delayMs` with another mode: wait first, then fail as that mode says.
 */
export const faultSchema = z.object({
  method: z.string().toUpperCase().default('*'),
  route: z.string().min(1),
  count: z.number().int().positive().default(1),
  mode: z.enum(['respond', 'drop', 'drop_after', 'delay']).default('respond'),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  delayMs: z.number().int().min(0).max(120_000).default(0),
});
export type FaultSpec = z.output<typeof faultSchema>;

export interface ActiveFault extends FaultSpec {
  readonly id: number;
  remaining: number;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    if (spec.mode === 'respond' && spec.status === undefined) throw new RangeError('a respond fault needs a status');
    const fault = { ...spec, id: this.nextId++, remaining: spec.count };
    this.faults.push(fault);
    return fault;
  }

  /** Takes one use of the first fault that matches, if any. */
  take(method: string, route: string): ActiveFault | undefined {
    const fault = this.faults.find((f) => (f.method === '*' || f.method === method) && (f.route === '*' || f.route === route));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }
}
