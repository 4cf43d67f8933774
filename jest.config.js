/** Jest runs TypeScript through SWC (fast, no type-check; `npm run typecheck` does that). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }] },
  globalSetup: '<rootDir>/tests/global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker above this after a suite is replaced by a fresh one. Each suite's vm context keeps its
  // modules (PGlite's WASM, the triage dictionaries) and Node 20 frees them late: without a limit
  // the two workers grew to 6–8 GB each in CI and slowed, and one died of SIGSEGV once.
  workerIdleMemoryLimit: '512MB',
};
