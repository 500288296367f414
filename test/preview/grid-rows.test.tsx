/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import "../taskpane/dom-shims";
import { act, render } from "@testing-library/react";
import type { CellValue } from "../../src/core/types";
import { GridView, type GridViewProps } from "../../src/preview/GridView";

/** jsdom has no layout and no IntersectionObserver: this one lets the test say when the end comes into view. */
class ControlledObserver {
  static latest: ControlledObserver | null = null;
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
    ControlledObserver.latest = this;
  }
  observe(): void {}
  disconnect(): void {}
  scrolledToEnd(): void {
    this.callback([{ isIntersecting: true }]);
  }
}

beforeAll(() => {
  Object.defineProperty(window, "IntersectionObserver", { value: ControlledObserver, writable: true });
});

const values: CellValue[][] = Array.from({ length: 1000 }, (_, r) => [r + 1, `项目${r + 1}`]);

function props(selected: string | null, selectionCount: number): GridViewProps {
  return {
    grid: { sheet: "S", origin: { row: 0, col: 0 }, values },
    marks: undefined,
    dropDowns: undefined,
    links: undefined,
    selected,
    selectionCount,
    onSetCell: () => undefined,
    onFollowLink: () => undefined,
  };
}

const drawnRows = () => document.querySelectorAll("tbody tr:not([data-more-rows])").length;

test("a long sheet draws its first rows, more as the end comes into view, and always the selected cell", () => {
  const { rerender } = render(<GridView {...props(null, 0)} />);
  expect(drawnRows()).toBe(200);
  expect(document.querySelector("tr[data-more-rows]")).toHaveAttribute("data-more-rows", "800");

  act(() => ControlledObserver.latest?.scrolledToEnd());
  expect(drawnRows()).toBe(700);

  rerender(<GridView {...props("B901", 1)} />);
  expect(document.querySelector('td[data-address="B901"]')).toHaveAttribute("data-selected", "true");
  expect(drawnRows()).toBe(950);
  // Selecting a cell higher up keeps the rows drawn (the view does not jump).
  rerender(<GridView {...props("B2", 2)} />);
  expect(drawnRows()).toBe(950);
  act(() => ControlledObserver.latest?.scrolledToEnd());
  expect(drawnRows()).toBe(1000);
  expect(document.querySelector("tr[data-more-rows]")).toBeNull();
});
