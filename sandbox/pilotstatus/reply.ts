import type { FastifyReply } from 'fastify';

/** PilotStatus error bodies: `{ "error": "<CODE>" }`, with a sentence for people. */
export function pilotStatusError(reply: FastifyReply, status: number, code: string, message?: string) {
  return reply.code(status).send({ error: code, ...(message ? { message } : {}) });
}

export const PILOTSTATUS_PREFIX = '/v1';
