export * from './credentials';
export * from './errors';
export * from './schemas';
export * from './endpoints';
export * from './webhook-input';
export * from './client';
export * from './events';
