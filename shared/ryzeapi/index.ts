export * from './credentials';
export * from './errors';
export * from './schemas';
export * from './endpoints';
export * from './tag-by-name';
export * from './client';
export * from './tag-order';
