import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { registerControl } from './control';
import { registerDemoFiles } from './demo-files';
import { registerLabelAdmin } from './labels';
import { registerRyzeAdmin } from './ryze';

export function registerAdmin(app: FastifyInstance, ctx: SandboxContext): void {
  registerControl(app, ctx);
  registerLabelAdmin(app, ctx);
  registerRyzeAdmin(app, ctx);
  registerDemoFiles(app);
}
