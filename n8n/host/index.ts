/**
 * The package's shared runtime (built to dist/lib/pack.js): the core and the n8n adapters.
 * Node and credential files import from here or from the core; the build turns every such
 * import into a require of this one bundle.
 */
export * from '../../shared';
export * from './clients';
export * from './credentials-input';
export * from './errors';
export * from './key-scope';
export * from './transport';
export * from './ryzeapi-items';
export * from './descriptions';
