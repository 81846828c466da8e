import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';

/** RyzeAPI `/api/chat/*`. */
export function registerRyzeApi(_app: FastifyInstance, _ctx: SandboxContext): void {}
