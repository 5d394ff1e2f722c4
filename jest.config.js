/**
 * Two projects: fast unit tests (`*.spec.ts`, collaborators mocked) and integration tests
 * (`*.e2e-spec.ts`) that start the real apps on random ports against real databases.
 */
const base = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@proto/(.*)$': '<rootDir>/proto/$1',
    '^@gateway/(.*)$': '<rootDir>/gateway/src/$1',
    '^@search/(.*)$': '<rootDir>/search-service/src/$1',
  },
  rootDir: __dirname,
};

module.exports = {
  // A global option: Jest ignores it inside a project. Integration suites start real processes.
  testTimeout: 60000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{gateway,search-service,bench,proto}/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{gateway,search-service}/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
