"use strict";
// `npm run bench`: prints the figures the issues ask for, running the TypeScript sources through ts-register.
require("./ts-register");
require("../bench/bench.ts")
  .main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
