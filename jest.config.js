/**
 * Core and adapter tests run in node; component tests opt into jsdom with a docblock.
 *
 * ts-jest only transpiles (isolatedModules): type-checking every test file's import graph again in each
 * worker cost 5–12 s per pane suite on a busy 2-core machine, once per file. Types are checked once for the
 * whole project instead: by `npm run typecheck`, and by the global setup when jest runs with `--ci`
 * (.ci/run), where a type error fails the run before any test starts.
 */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          jsx: "react-jsx",
          module: "commonjs",
          moduleResolution: "node",
          esModuleInterop: true,
          resolveJsonModule: true,
          types: ["office-js", "jest", "node"],
          skipLibCheck: true,
          strict: true,
          isolatedModules: true,
          target: "ES2020",
        },
      },
    ],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
  globalSetup: "<rootDir>/test/support/typecheck.js",
  cacheDirectory: "<rootDir>/.jest-cache",
  testTimeout: 30000,
};
