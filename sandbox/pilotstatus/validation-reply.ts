import type { FastifyReply } from 'fastify';
import type { z } from 'zod/v4';
import { DESTINATION_FIELDS } from './schemas';

/**
 * A 400 for a body the sandbox's schema refused. A malformed destination gets PilotStatus's own
 * `INVALID_DESTINATION`; everything else is `VALIDATION_ERROR`. Every issue is listed in
 * `details` and joined into `message`, so one answer shows all that is wrong.
 */
export function bodyValidationError(reply: FastifyReply, error: z.ZodError) {
  const details = error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  const destinationIssue = error.issues.some((issue) => (DESTINATION_FIELDS as readonly PropertyKey[]).includes(issue.path[0] ?? ''));
  const message = details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ');
  return reply.code(400).send({ error: destinationIssue ? 'INVALID_DESTINATION' : 'VALIDATION_ERROR', message, details });
}
