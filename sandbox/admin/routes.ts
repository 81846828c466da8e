import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { registerControl } from './control';
import { registerLabelAdmin } from './labels';

export function registerAdmin(app: FastifyInstance, ctx: SandboxContext): void {
  registerControl(app, ctx);
  registerLabelAdmin(app, ctx);
}
