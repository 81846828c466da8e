import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';

/** Dashboard label operations (list, import, edit, copy). */
export function registerLabelAdmin(_app: FastifyInstance, _ctx: SandboxContext): void {}
