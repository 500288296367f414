/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // babel-jest reads babel.config.js.
  transform: { "^.+\\.(t|j)sx?$": "babel-jest" },
  moduleNameMapper: {
    "\\.(css|png|svg)$": "<rootDir>/test/support/file-stub.js",
    // office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the package's entry
    // point pulls in an ES-module-only dependency that Jest cannot require, so map it to the enum module.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  // A safety net for a stuck test, not a synchronisation (nothing waits for it): bounded, and generous
  // enough for a two-core machine under load. Waits on real browsers and builds have their own bounds.
  testTimeout: 120_000,
  setupFilesAfterEnv: ["<rootDir>/test/support/async-waits.ts"],
};
