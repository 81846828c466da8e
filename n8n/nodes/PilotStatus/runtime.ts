/**
 * The shared runtime (n8n/host + the core, built to dist/lib/pack.js), for the files under
 * actions/ and methods/. n8n/build.mjs turns an import of host/ or shared/ into a require path
 * computed from the importing file's own folder, but esbuild bundles these files into
 * dist/nodes/PilotStatus/PilotStatus.node.js, one level where that path would be wrong. Importing
 * the runtime here, next to the node file, gives the path the bundle needs.
 */
export * from '../../host';
