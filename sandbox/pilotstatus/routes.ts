import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';

/** PilotStatus `/v1/*`. */
export function registerPilotStatus(_app: FastifyInstance, _ctx: SandboxContext): void {}
