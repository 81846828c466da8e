/** @type {import('jest').Config} End-to-end tests: `npm run test:e2e` (a real n8n, the sandbox, Chromium). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // One stack, one n8n: the files share ports and a runtime, so they run one at a time.
  maxWorkers: 1,
};
