import type { FastifyInstance } from 'fastify';
import { ADMIN_PREFIX } from './control';

/**
 * A contact list to try Import from File on without a file of your own, in the dashboard's
 * export shape (semicolon-separated, Portuguese headers, national numbers: import with country BR).
 */
export const DEMO_CONTACTS_CSV = [
  'Nome;Telefone;Grupo;Cidade',
  'Ana Souza;(11) 98888-7777;;São Paulo',
  'Bruno Lima;(21) 98765-4321;;Rio de Janeiro',
  'Loja Centro;;120363025246125486@g.us;',
  '',
].join('\r\n');

export function registerDemoFiles(app: FastifyInstance): void {
  app.get(`${ADMIN_PREFIX}/demo/contacts.csv`, async (_request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="contacts.csv"').send(DEMO_CONTACTS_CSV),
  );
}
