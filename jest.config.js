/** Core and adapter tests run in node; component tests opt into jsdom with a docblock. */
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
          isolatedModules: false,
          target: "ES2020",
        },
      },
    ],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts?(x)"],
  cacheDirectory: "<rootDir>/.jest-cache",
  testTimeout: 30000,
};
