export * from './label-name';
export * from './retention';
export * from './membership';
export * from './import';
