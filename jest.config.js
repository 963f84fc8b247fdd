/** Test levels are named in the file name: *.unit.spec.ts, *.int.spec.ts, *.contract.spec.ts, *.e2e.spec.ts, *.browser.spec.ts. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'commonjs' },
  },
];

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  testEnvironment: 'node',
  // NestJS 12, jose, @sparticuz/chromium and unpdf's PDF.js ship ESM only; jest on Node 20 loads them through swc.
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|@sparticuz|unpdf)/)'],
  // The built copy is never loaded by jest. Of web/, only its pure *.unit.spec.ts (formats, forms) run
  // here; the app itself is built by Vite and tested in the browser (test/browser).
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  ...extra,
});

module.exports = {
  // Starting a service and its database can take more than jest's default 5 s on a busy machine;
  // speed is measured by the benchmarks, not by timeouts.
  testTimeout: 30_000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    project('unit', ['<rootDir>/src/**/*.unit.spec.ts', '<rootDir>/test/**/*.unit.spec.ts', '<rootDir>/web/src/**/*.unit.spec.ts']),
    project('int', ['<rootDir>/src/**/*.int.spec.ts', '<rootDir>/test/**/*.int.spec.ts']),
    project('contract', ['<rootDir>/test/contract/**/*.contract.spec.ts']),
    project('e2e', ['<rootDir>/test/e2e/**/*.e2e.spec.ts']),
    // Real Chromium against the built service (npm run build first; npm test does).
    project('browser', ['<rootDir>/test/browser/**/*.browser.spec.ts']),
  ],
};
