// One TypeScript/JSX compiler for Jest, webpack and the repo's scripts. Pure JavaScript on purpose: native
// compilers (swc, esbuild) ship per-platform binaries that this project's package registry does not serve,
// which leaves `npm ci` unable to verify the lockfile.
module.exports = (api) => {
  const forBrowser = api.caller((caller) => caller?.name === "babel-loader");
  return {
    // webpack also runs the dependencies through babel; they are CommonJS or ES modules.
    sourceType: "unambiguous",
    presets: [
      [
        "@babel/preset-env",
        forBrowser
          ? {
              // The browser floor is package.json's browserslist. Its oldest browsers run ES2021; class
              // fields and static blocks (ES2022) are compiled away too, so every emitted file is ES2021.
              modules: false,
              bugfixes: true,
              include: [
                "transform-class-properties",
                "transform-private-methods",
                "transform-private-property-in-object",
                "transform-class-static-block",
              ],
            }
          : { targets: { node: "20" } },
      ],
      ["@babel/preset-typescript", { allowDeclareFields: true, onlyRemoveTypeImports: false }],
      ["@babel/preset-react", { runtime: "automatic" }],
    ],
  };
};
