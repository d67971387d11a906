// Jest configuration: three tiers (unit, runtime, e2e) as projects, TypeScript through esbuild (scripts/jest-transform.js).
const transform = { '^.+\\.ts$': '<rootDir>/scripts/jest-transform.js' };
const base = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/scripts/jest-setup-dispose.js', '<rootDir>/scripts/jest-setup-clock.js'],
};
module.exports = {
  // Two cores on CI: one jest worker per core (the default would leave one idle).
  maxWorkers: 2,
  // Runtime tests start worker threads and databases; e2e tests set longer limits of their own.
  testTimeout: 60_000,
  // The run's temporary files go to one directory, removed at the end.
  globalSetup: '<rootDir>/scripts/jest-tmp-setup.js',
  globalTeardown: '<rootDir>/scripts/jest-tmp-teardown.js',
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/tests/server/**/*.test.ts',
        '<rootDir>/tests/client/**/*.test.ts',
        '<rootDir>/tests/scripts/**/*.test.ts',
      ],
    },
    { ...base, displayName: 'runtime', testMatch: ['<rootDir>/tests/local/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
