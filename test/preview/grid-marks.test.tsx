/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import "../taskpane/dom-shims";
import { render } from "@testing-library/react";
import { MARK_FILL, MARK_OUTLINE } from "../../src/core/marks";
import { GridView } from "../../src/preview/GridView";

test("the preview draws 未报送 and 滞后 with their outlines, the other marks with a fill only", () => {
  render(
    <GridView
      grid={{ sheet: "S", origin: { row: 0, col: 0 }, values: [["甲", "", "滞后", "逾期"]] }}
      marks={
        new Map([
          ["B1", { kind: "notReported", reason: "6 月进展未填写" }],
          ["C1", { kind: "behind", reason: "6 月进展写明“滞后”" }],
          ["D1", { kind: "overdue", reason: "有逾期节点" }],
        ])
      }
      dropDowns={undefined}
      links={undefined}
      selected={null}
      selectionCount={0}
      onSetCell={() => undefined}
      onFollowLink={() => undefined}
    />,
  );
  const cell = (address: string) => document.querySelector<HTMLElement>(`td[data-address="${address}"]`)!;
  expect(cell("B1")).toHaveAttribute("title", "6 月进展未填写");
  expect(cell("B1").style.outlineStyle).toBe("dashed");
  expect(cell("C1").style.outlineStyle).toBe("solid");
  expect(cell("B1")).toHaveStyle({ outlineColor: MARK_OUTLINE.notReported?.color, outlineWidth: "2px" });
  expect(cell("B1")).toHaveStyle({ backgroundColor: MARK_FILL.notReported });
  expect(cell("C1")).toHaveStyle({ backgroundColor: MARK_FILL.behind });
  expect(cell("D1").style.outlineStyle).toBe("");
});
