import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { tenantScope } from './scope';

interface NumberRow {
  id: string;
  name: string;
  phone: string;
  provider: string;
  paid: number;
}

/** `GET /v1/numbers`: tenant-scoped, the tenant's WhatsApp numbers (ids for `x-whatsapp-number-id`). */
export function registerNumbers(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/v1/numbers', async (request, reply) => {
    const key = tenantScope(ctx, request, reply);
    if (!key) return reply;
    const numbers = ctx.db.all<NumberRow>('SELECT id, name, phone, provider, paid FROM numbers WHERE tenant_id = ? ORDER BY id', [key.tenant_id]);
    return { numbers: numbers.map((n) => ({ id: n.id, name: n.name, phone: n.phone, provider: n.provider, paidPlan: n.paid === 1 })) };
  });
}
