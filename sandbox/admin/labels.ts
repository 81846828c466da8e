import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod/v4';
import { parseDestination } from '../../shared/destinations';
import { fail, fromZodIssues, issue, ok, ValidationError, type Parsed } from '../../shared/errors';
import { importContactsFromBuffer, type Label, type LabelLink, type LinkDecision } from '../../shared/labels';
import type { SandboxContext } from '../context';
import { DEMO } from '../db/seed';
import { LabelStore, type LinkableDestination } from '../labels/store';
import { ADMIN_PREFIX } from './control';

/**
 * Dashboard label operations (PilotStatus documents no public endpoint for them): list and create
 * labels, import a CSV/XLSX, edit a contact, copy a contact to another label. Sandbox-only paths,
 * under `/_sandbox/labels`. The tenant is the demo tenant unless `?tenantId=` names another.
 * Every change goes through `LabelStore`, i.e. the core's membership rules; files are read by
 * the core import.
 */
export function registerLabelAdmin(app: FastifyInstance, ctx: SandboxContext): void {
  const store = new LabelStore(ctx.db, ctx.clock);
  const base = `${ADMIN_PREFIX}/labels`;

  const tenantOf = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    const parsed = tenantQuerySchema.safeParse(request.query);
    const tenantId = (parsed.success ? parsed.data.tenantId : undefined) ?? DEMO.tenantId;
    if (ctx.db.get('SELECT id FROM tenants WHERE id = ?', [tenantId])) return tenantId;
    return void reply.code(404).send({ error: 'TENANT_NOT_FOUND', message: `No tenant ${tenantId}` });
  };

  const labelOf = (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Label | undefined => {
    const tenantId = tenantOf(request, reply);
    if (!tenantId) return undefined;
    const label = store.getLabel(tenantId, request.params.id);
    if (!label) return void reply.code(404).send({ error: 'LABEL_NOT_FOUND', message: `No label ${request.params.id} in tenant ${tenantId}` });
    return label;
  };

  /** The label and the contact the path names (`:destination` URL-encoded, any notation). */
  const linkOf = (request: FastifyRequest<{ Params: LinkParams }>, reply: FastifyReply): { label: Label; link: LabelLink } | undefined => {
    const label = labelOf(request, reply);
    if (!label) return undefined;
    const destination = parseLinkable(request.params.destination, 'destination');
    if (!destination.ok) return void invalid(reply, 'INVALID_DESTINATION', destination.issues);
    const link = store.findLink(label.id, destination.value);
    if (!link) return void reply.code(404).send({ error: 'CONTACT_NOT_FOUND', message: `Label ${label.id} holds no such contact` });
    return { label, link };
  };

  app.get(base, async (request, reply) => {
    const tenantId = tenantOf(request, reply);
    if (!tenantId) return reply;
    return { labels: store.listLabels(tenantId) };
  });

  app.post(base, async (request, reply) => {
    const tenantId = tenantOf(request, reply);
    if (!tenantId) return reply;
    const body = createLabelSchema.safeParse(request.body ?? {});
    if (!body.success) return invalid(reply, 'INVALID_LABEL', fromZodIssues(body.error.issues));
    try {
      const { label, created } = store.upsertLabel(tenantId, body.data.name as string);
      return reply.code(created ? 201 : 200).send({ label, created });
    } catch (error) {
      if (error instanceof ValidationError) return invalid(reply, 'INVALID_LABEL', error.issues);
      throw error;
    }
  });

  app.get<{ Params: { id: string } }>(`${base}/:id/contacts`, async (request, reply) => {
    const label = labelOf(request, reply);
    if (!label) return reply;
    return { label, contacts: store.listLinks(label.id).map(contactView) };
  });

  app.post<{ Params: { id: string } }>(`${base}/:id/import`, async (request, reply) => {
    const label = labelOf(request, reply);
    if (!label) return reply;
    const file = request.body;
    if (!Buffer.isBuffer(file) && typeof file !== 'string') {
      return reply.code(400).send({
        error: 'IMPORT_BODY_REQUIRED',
        message: 'Send the file itself as the body, with content-type text/csv, application/octet-stream or the XLSX type',
      });
    }
    const query = importQuerySchema.safeParse(request.query);
    const defaultCountry = query.success ? query.data.defaultCountry : undefined;

    let result;
    try {
      result = await importContactsFromBuffer(file, { defaultCountry });
    } catch (error) {
      if (error instanceof ValidationError) return invalid(reply, 'INVALID_FILE', error.issues);
      throw error;
    }
    // The whole file is read before anything is written, so a file that fails part-way links nothing.
    const decisions = ctx.db.transaction(() =>
      result.contacts.map((contact) => store.linkFromDashboard(label.id, contact.destination, contact.name)),
    );
    return {
      label,
      columns: result.columns,
      ...countDecisions(decisions),
      failed: result.failures.filter((row) => row.duplicateOf === undefined).map(({ row, issues }) => ({ row, issues })),
      duplicates: result.failures
        .filter((row) => row.duplicateOf !== undefined)
        .map(({ row, duplicateOf, filledName, issues }) => ({ row, duplicateOf, ...(filledName !== undefined ? { filledName } : {}), issues })),
    };
  });

  app.patch<{ Params: LinkParams }>(`${base}/:id/contacts/:destination`, async (request, reply) => {
    const found = linkOf(request, reply);
    if (!found) return reply;
    const body = editSchema.safeParse(request.body ?? {});
    if (!body.success) return invalid(reply, 'INVALID_EDIT', fromZodIssues(body.error.issues));
    let destination: LinkableDestination | undefined;
    if (body.data.destination !== undefined) {
      const parsed = parseLinkable(body.data.destination, 'destination');
      if (!parsed.ok) return invalid(reply, 'INVALID_DESTINATION', parsed.issues);
      destination = parsed.value;
    }
    const decision = store.edit(found.link, { ...(body.data.name !== undefined ? { name: body.data.name } : {}), ...(destination ? { destination } : {}) });
    if (decision.action === 'conflict') {
      return reply.code(409).send({ error: 'DESTINATION_ALREADY_IN_LABEL', message: 'The label already holds that destination: edit or remove that contact instead' });
    }
    return { contact: contactView(store.findLink(found.label.id, decision.destination)!) };
  });

  app.post<{ Params: LinkParams }>(`${base}/:id/contacts/:destination/copy`, async (request, reply) => {
    const found = linkOf(request, reply);
    if (!found) return reply;
    const body = copySchema.safeParse(request.body ?? {});
    if (!body.success) return invalid(reply, 'INVALID_COPY', fromZodIssues(body.error.issues));
    const tenantId = tenantOf(request, reply)!;
    const target = store.getLabel(tenantId, body.data.toLabelId);
    if (!target) return reply.code(404).send({ error: 'LABEL_NOT_FOUND', message: `No label ${body.data.toLabelId} in tenant ${tenantId}` });
    const decision = store.copy(found.link, target.id);
    const contact = contactView(store.findLink(target.id, found.link.destination)!);
    return reply.code(decision.action === 'insert' ? 201 : 200).send({ action: decision.action, label: target, contact });
  });
}

interface LinkParams {
  id: string;
  destination: string;
}

const tenantQuerySchema = z.looseObject({ tenantId: z.string().trim().min(1).optional() });
const importQuerySchema = z.looseObject({ defaultCountry: z.string().trim().min(1).optional() });
// The name's own rules (trim, length) are the core's, applied by the store.
const createLabelSchema = z.object({ name: z.unknown() });
const editSchema = z
  .object({ name: z.string().optional(), destination: z.string().optional() })
  .refine((change) => change.name !== undefined || change.destination !== undefined, { error: 'give a new name, a new destination, or both' });
const copySchema = z.object({ toLabelId: z.string().trim().min(1) });

/** Labels hold phones and groups; a channel cannot be labelled. */
function parseLinkable(input: unknown, field: string): Parsed<LinkableDestination> {
  const parsed = parseDestination(input, field);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind === 'CHANNEL') return fail(issue(field, 'destination.channel', 'is a channel: labels hold phones and groups'));
  return ok(parsed.value as LinkableDestination);
}

function invalid(reply: FastifyReply, error: string, issues: readonly unknown[]) {
  return reply.code(400).send({ error, issues });
}

const contactView = (link: LabelLink) => ({
  destination: link.destination.value,
  kind: link.destination.kind,
  name: link.name,
  expiresAt: link.expiresAt,
});

/** What the import did per distinct contact, in the dashboard's words. */
function countDecisions(decisions: readonly LinkDecision[]) {
  const counts = { imported: 0, nameFilled: 0, expiryCleared: 0, unchanged: 0 };
  for (const decision of decisions) {
    if (decision.action === 'insert') counts.imported += 1;
    else if (decision.action === 'none') counts.unchanged += 1;
    else {
      // A link made by a send with retention may expire; the dashboard's copy of it does not.
      if (decision.name !== undefined) counts.nameFilled += 1;
      if (decision.expiresAt !== undefined) counts.expiryCleared += 1;
    }
  }
  return counts;
}
