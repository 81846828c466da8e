export * from './phone';
export * from './jid';
export * from './destination';
