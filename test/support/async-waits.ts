/**
 * Waits in component tests (findBy*, waitFor) poll until what they wait for is there; their bound only ends
 * a test that is really stuck. Testing Library's default bound (1 s) is shorter than a check and a render
 * take on a loaded two-core machine, so it is raised here for every jsdom test, once.
 */
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only jsdom tests load Testing Library
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: 60_000 });
}
