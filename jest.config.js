/** Jest runs TypeScript through SWC (fast, no type-check; `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }] },
  globalSetup: '<rootDir>/tests/global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
