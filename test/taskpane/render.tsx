import { RendererProvider, createDOMRenderer } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";

/**
 * Renders a pane without Fluent's generated CSS. jsdom's getComputedStyle walks every CSS rule in the
 * document for every element it is asked about, and Testing Library asks for each element a role query or
 * `toBeVisible` looks at; the thousands of rules Griffel inserts (they pile up over a test file) made one
 * query take seconds on a loaded machine, enough to outlast any wait. Without them the queries are fast,
 * and what they check — roles, names, states, inline styles, `hidden` — does not depend on the classes.
 * The layout and colours are checked in Chromium (test/e2e).
 */
export function renderPane(ui: ReactElement): RenderResult {
  const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });
  return render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      {ui}
    </RendererProvider>,
  );
}
