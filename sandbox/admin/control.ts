import type { FastifyInstance } from 'fastify';
import { z } from 'zod/v4';
import type { SandboxContext } from '../context';
import { seedDemo } from '../db/seed';
import { faultSchema } from '../faults';

export const ADMIN_PREFIX = '/_sandbox';

/**
 * Test and demo controls, apart from both services' paths: faults, reset, processing, the
 * clock, what reached the server, and the whole database.
 */
export function registerControl(app: FastifyInstance, ctx: SandboxContext): void {
  app.get(`${ADMIN_PREFIX}/health`, async () => ({ ok: true, now: ctx.clock.iso() }));

  app.post(`${ADMIN_PREFIX}/faults`, async (request, reply) => {
    const parsed = faultSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'INVALID_FAULT', issues: parsed.error.issues });
    try {
      return reply.code(201).send(ctx.faults.add(parsed.data));
    } catch (error) {
      return reply.code(400).send({ error: 'INVALID_FAULT', message: (error as Error).message });
    }
  });
  app.get(`${ADMIN_PREFIX}/faults`, async () => ({ faults: ctx.faults.list() }));
  app.delete(`${ADMIN_PREFIX}/faults`, async () => {
    ctx.faults.clear();
    return { cleared: true };
  });

  app.get(`${ADMIN_PREFIX}/requests`, async () => ({ requests: ctx.requests }));
  app.delete(`${ADMIN_PREFIX}/requests`, async () => {
    ctx.requests.length = 0;
    return { cleared: true };
  });

  app.post(`${ADMIN_PREFIX}/process`, async () => {
    await ctx.process();
    return { processed: true, now: ctx.clock.iso() };
  });

  const clockSchema = z.object({ advanceMs: z.number().int().min(0) });
  app.post(`${ADMIN_PREFIX}/clock`, async (request, reply) => {
    const parsed = clockSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'INVALID_CLOCK', issues: parsed.error.issues });
    return { now: ctx.clock.advance(parsed.data.advanceMs).toISOString() };
  });

  app.post(`${ADMIN_PREFIX}/reset`, async () => {
    ctx.db.wipe();
    ctx.clock.reset();
    ctx.faults.clear();
    ctx.requests.length = 0;
    for (const hook of ctx.resetHooks) hook();
    if (ctx.options.seed) seedDemo(ctx.db, ctx.clock.iso());
    ctx.db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('hash_key', ?)", [ctx.hashKey]);
    return { reset: true };
  });

  app.get(`${ADMIN_PREFIX}/dump`, async () => ctx.db.dump());
}
