import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { authorizeInstance, type InstanceRow } from './auth';

const instances = new WeakMap<FastifyRequest, InstanceRow>();

/**
 * Authorization as an `onRequest` hook, before the body is read: in RyzeAPI it is middleware,
 * so a bad token or a disconnected instance is reported even when the body is malformed.
 */
export function createInstanceAuthorization(ctx: SandboxContext) {
  return async function authorize(request: FastifyRequest, reply: FastifyReply) {
    const instance = authorizeInstance(ctx, request as FastifyRequest<{ Params: { instance?: string } }>, reply);
    if (!instance) return reply;
    instances.set(request, instance);
  };
}

/** The instance the hook resolved for this request. */
export function instanceOf(request: FastifyRequest): InstanceRow {
  const instance = instances.get(request);
  if (!instance) throw new Error('RyzeAPI route reached without instance authorization');
  return instance;
}
