export * from './send-schema';
export * from './send-request';
export * from './media';
export * from './deliver-at';
