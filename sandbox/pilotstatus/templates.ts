import type { FastifyInstance } from 'fastify';
import { z } from 'zod/v4';
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/database';
import { numberScope } from './scope';

export interface TemplateRow {
  id: string;
  number_id: string;
  name: string;
  category: string;
  body: string;
  variables: string;
}

const variableNames = z.array(z.string());

/** The names a template needs (`templates.variables` holds them as a JSON list). */
export const requiredVariables = (template: TemplateRow): string[] => variableNames.parse(JSON.parse(template.variables));

/** Variables the template needs that the send left out or left blank. */
export function missingVariables(template: TemplateRow, given: Readonly<Record<string, string>>): string[] {
  return requiredVariables(template).filter((name) => (given[name] ?? '').trim() === '');
}

/** `templateId` may be the id or the name (the docs' own example sends `"order_update"`); the id wins. */
export function findTemplate(db: SandboxDatabase, numberId: string, idOrName: string): TemplateRow | undefined {
  return db.get<TemplateRow>('SELECT * FROM templates WHERE number_id = ? AND (id = ? OR name = ?) ORDER BY id = ? DESC LIMIT 1', [
    numberId, idOrName, idOrName, idOrName,
  ]);
}

export function templateName(db: SandboxDatabase, templateId: string | null): string | null {
  if (templateId === null) return null;
  return db.get<{ name: string }>('SELECT name FROM templates WHERE id = ?', [templateId])?.name ?? null;
}

/** `GET /v1/templates`: the key's number's templates, for dropdowns. */
export function registerTemplates(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/v1/templates', async (request, reply) => {
    const scope = numberScope(ctx, request, reply);
    if (!scope) return reply;
    const templates = ctx.db.all<TemplateRow>('SELECT * FROM templates WHERE number_id = ? ORDER BY name', [scope.numberId]);
    return {
      templates: templates.map((template) => ({
        id: template.id,
        name: template.name,
        category: template.category,
        // Sandbox numbers are not Meta Cloud API numbers: their templates are PilotStatus's own.
        source: 'PILOT_STATUS',
        metaStatus: null,
        sendable: true,
        body: template.body,
        variables: requiredVariables(template),
      })),
    };
  });
}
