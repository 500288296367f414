import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

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
);
