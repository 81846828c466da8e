export * from './palette';
export * from './tag-name';
