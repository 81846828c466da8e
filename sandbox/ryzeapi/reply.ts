import type { FastifyReply } from 'fastify';

/** RyzeAPI error bodies: `{ "success": false, "error": { "message": "..." } }`. */
export function ryzeError(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ success: false, error: { message } });
}

export const RYZEAPI_PREFIX = '/api/chat';
