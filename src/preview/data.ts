import { z } from "zod";
import type { PreviewSheet } from "./PreviewPort";

const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const SheetGridSchema = z.object({
  sheet: z.string().min(1),
  origin: z.object({ row: z.number().int().min(0), col: z.number().int().min(0) }),
  values: z.array(z.array(CellValueSchema)),
  numberFormats: z.array(z.array(z.string())).optional(),
  merges: z
    .array(
      z.object({
        row: z.number().int().min(0),
        col: z.number().int().min(0),
        rowCount: z.number().int().min(1),
        colCount: z.number().int().min(1),
      }),
    )
    .optional(),
});

/** What scripts/preview-data.js writes: the sample workbooks as grids, with column widths for drawing. */
export const PreviewDataSchema = z.object({
  workbooks: z
    .array(
      z.object({
        file: z.string().min(1),
        sheets: z
          .array(z.object({ grid: SheetGridSchema, columnWidths: z.array(z.number().nullable()).optional() }))
          .min(1),
      }),
    )
    .min(1),
});

export interface PreviewWorkbook {
  file: string;
  sheets: PreviewSheet[];
}

export type PreviewDataResult = { ok: true; workbooks: PreviewWorkbook[] } | { ok: false; message: string };

/** Validates the sample data at the page's boundary; a broken build shows a message, not a blank page. */
export function parsePreviewData(data: unknown): PreviewDataResult {
  const parsed = PreviewDataSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `样例数据格式错误（${issue?.path.join(".") ?? ""}：${issue?.message ?? ""}）`,
    };
  }
  return { ok: true, workbooks: parsed.data.workbooks };
}
