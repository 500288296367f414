export { findTables, findTablesWithDiagnostics, type FoundTables } from "./find";
export { matchHeader, bareQuarter, ROLE_LABEL, type HeaderMatch } from "./roles";
export type { MoneyUnit, ProjectRecord, RawCell, TableLayout, TotalRowRecord } from "./layout";
