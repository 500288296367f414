import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

/**
 * One engine, many faces: an adapter imports the core, and no other adapter. `src/office` is the Office.js
 * plumbing (one-sync sheet read, Office.js errors) that the Excel port and the custom functions both use.
 * The preview and the WPS add-in host the task pane itself; the two entry points that wire a face to the Excel port
 * (taskpane/index.tsx, commands/commands.ts) are the only other crossings.
 */
const ADAPTERS = ["cli", "commands", "excel", "functions", "office", "preview", "taskpane", "wps"];
function adapterImports(folder, allowed, files = [`src/${folder}/**/*.{ts,tsx}`]) {
  const banned = ADAPTERS.filter((a) => a !== folder && !allowed.includes(a));
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: banned.map((a) => ({
            group: [`../${a}`, `../${a}/**`],
            message: `src/${folder} must not import src/${a}: share pure code through src/core`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["node_modules", "lib", "dist", "coverage", "out"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Spreading an array into a call puts every element on the stack: a 50,000-row sheet overflows it.
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.js", "bench/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: ":matches(CallExpression, NewExpression) > SpreadElement",
          message:
            "No spreading into calls (push(...a), Math.max(...a)): data-sized arrays overflow the stack; loop or reduce.",
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "node:*", "exceljs", "react", "react-dom", "@fluentui/*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
    },
  },
  adapterImports("office", []),
  adapterImports("excel", ["office"]),
  adapterImports("functions", ["office"]),
  adapterImports("cli", []),
  adapterImports("commands", []),
  adapterImports("taskpane", []),
  adapterImports("preview", ["taskpane"]),
  adapterImports("wps", ["taskpane"]),
  adapterImports("taskpane", ["excel"], ["src/taskpane/index.tsx"]),
  adapterImports("commands", ["excel"], ["src/commands/commands.ts"]),
);
