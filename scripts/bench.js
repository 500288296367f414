"use strict";
// `npm run bench`: prints the figures the issues ask for. Runs the TypeScript sources through swc.
require("./ts-register");
require("../bench/bench.ts")
  .main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
