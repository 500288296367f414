"use strict";
// Lets plain `node` run the repo's TypeScript (bench, build scripts) with the same swc the tests use,
// so no separate ts-node toolchain is needed.
const fs = require("node:fs");
const { transformSync } = require("@swc/core");

function compile(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { code } = transformSync(source, {
    filename,
    module: { type: "commonjs" },
    jsc: {
      target: "es2022",
      parser: { syntax: "typescript", tsx: filename.endsWith(".tsx") },
      transform: { react: { runtime: "automatic" } },
    },
    sourceMaps: "inline",
  });
  module._compile(code, filename);
}

require.extensions[".ts"] = compile;
require.extensions[".tsx"] = compile;
