import { addinRoot, etApplication } from "./et";
import { registerFunctions, WpsFormulas } from "./functions";
import { createRibbon } from "./ribbon";

/**
 * The add-in's hidden page (index.html): WPS loads it first and calls the ribbon's callbacks by the
 * global names ribbon.xml gives them. The DUTY.* formulas are registered as the page loads, where this
 * WPS has custom functions.
 */
const root = addinRoot();
const app = etApplication();
if (root && app) registerFunctions(root, new WpsFormulas({ app }));
if (root) {
  const callbacks = createRibbon({
    root,
    app: () => etApplication(),
    paneUrl: new URL("taskpane.html", document.location.href).href,
    now: () => new Date(),
  });
  Object.assign(window, callbacks);
}
