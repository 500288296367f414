"use strict";
// Lets plain `node` run the repo's TypeScript (bench, build scripts) with TypeScript's own single-file
// transpiler, so no separate ts-node toolchain is needed. Types are checked by `npm run typecheck`.
const fs = require("node:fs");
const ts = require("typescript");

function compile(module, filename) {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
      esModuleInterop: true,
      resolveJsonModule: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
}

require.extensions[".ts"] = compile;
require.extensions[".tsx"] = compile;
