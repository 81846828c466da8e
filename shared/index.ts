/**
 * The shared core: every rule and every API call of the pack, host-independent. The n8n nodes
 * and the Zapier apps import from here and only map their fields onto it.
 */
export * from './errors';
export * from './destinations';
export * from './send';
export * from './labels';
export * from './tags';
export * from './secrets';
export * from './http';
export * from './pilotstatus';
export * from './ryzeapi';
