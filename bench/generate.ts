import type { CellValue, SheetGrid } from "../src/core/types";

const HEADER = [
  "序号",
  "项目名称",
  "主要内容",
  "形象进度安排 (需细化到季度)",
  "建设年限",
  "总投资 (万元)",
  "年度投资 (万元)",
  "责任领导",
  "责任科室",
  "责任人员",
];

const SCHEDULES = [
  "第一季度:完成预算编制;第二季度:完成招投标;第三、四季度:全面开工建设",
  "第一季度发动宣传;第二、第三季度:相关单位续办;第四季度:机关、事业单位办理。",
  "2022 年 1 月选定地块，2 月完成造林方案设计，3 月进行公开招标并组织进场施工，6 月完成种植进行验收",
  "一季度:广泛宣传; 二季度:确定目标,启动项目开工; 三季度:基本完成项目竣工; 四季度:通过验收,总结工作经验。",
  "第一季度完成前期工作;第二季度全面完成创建准备工作;第四季度前完成相关设施设备的维护与修缮。",
  "1.4月底前完成方案；2.6月30日前完成招标；3.下半年完工验收",
  "按照时间节点开展项目建设",
];
const LEADERS = ["张绍萍", "丁劲松", "林舟", "曾运筹", "刘铮铭", "张国钱 许文理"];
const DEPARTMENTS = ["街道总工会", "社会事务办", "沙塘社区", "社会事务办(卫计)", "教育办", "环卫办"];
const MONEY: CellValue[] = [8, 600, "拟定100", "约600", 32.28, "", "—", "4.8亿"];

/** The monthly cycle's columns and reports as 信息员 write them (PROGRESS.md): done, percents, words, blanks. */
const PROGRESS_HEADER = ["4月进展情况", "5月进展情况", "6月进展情况", "完成比例(%)"];
const REPORTS: CellValue[][] = [
  ["第一季度任务已完成", "正在推进", "正常推进，完成年度计划的50%", ""],
  ["正在推进", "进展缓慢", "进度滞后，正在协调", 20],
  ["尚未启动", "/", "", ""],
  ["第一季度任务已完成", "正在招投标", "已完成招投标，完成30%", 30],
  ["", "正在推进", "—", ""],
  ["已完成", "", "", 100],
  ["正在办理前期手续", "未滞后，有序推进", "按序时推进", 55],
];

/**
 * A breakdown table laid out like the notices: title, header repeated every 40 rows, `projects` data rows;
 * with `progress`, four more columns (4月–6月进展情况 and a percent) filled as 信息员 write them.
 */
export function generateGrid(projects: number, progress = false): SheetGrid {
  const header = progress ? [...HEADER, ...PROGRESS_HEADER] : HEADER;
  const values: CellValue[][] = [["附件"], ["某街道 2023 年度为民办实事项目责任分解表"], header];
  for (let i = 0; i < projects; i += 1) {
    if (i > 0 && i % 40 === 0) values.push(header);
    values.push([
      i + 1,
      `实事项目${i + 1}`,
      `建设内容${i + 1}：道路改造、设施维护与群众服务。`,
      SCHEDULES[i % SCHEDULES.length] as string,
      i % 5 === 0 ? "2021-2023" : 2023,
      MONEY[i % MONEY.length] as CellValue,
      MONEY[(i + 3) % MONEY.length] as CellValue,
      LEADERS[i % LEADERS.length] as string,
      DEPARTMENTS[i % DEPARTMENTS.length] as string,
      `经办人${i % 97}`,
      ...(progress ? (REPORTS[i % REPORTS.length] as CellValue[]) : []),
    ]);
  }
  const width = header.length;
  return {
    sheet: "Sheet1",
    origin: { row: 0, col: 0 },
    values: values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill("")]),
  };
}

/** A plan split across period columns with its actuals (SEMANTICS.md §1): quarters' targets, then 落实情况. */
const SPLIT_HEADER = [
  "序号",
  "项目名称",
  "责任单位",
  "第一季度",
  "第二季度",
  "第三季度",
  "第四季度",
  "上半年完成情况",
];
const SPLIT_PLANS: CellValue[][] = [
  [
    "完成选址和立项",
    "完成设计及施工招标",
    "主体施工，7月底前完成装修方案汇报",
    "竣工验收并投入使用",
    "已完成",
  ],
  ["完成截污方案", "完成截污管网 50%", "", "步道建成开放", "完成截污管网 30%，进度滞后"],
  ["", "建成 4 个", "建成 8 个", "全部建成", ""],
];

/** A table of `projects` rows whose plan is split by quarter, header repeated every 40 rows. */
export function generateSplitGrid(projects: number): SheetGrid {
  const values: CellValue[][] = [["附件"], ["某新区 2023 年民生实事项目进度安排表"], SPLIT_HEADER];
  for (let i = 0; i < projects; i += 1) {
    if (i > 0 && i % 40 === 0) values.push(SPLIT_HEADER);
    const plan = SPLIT_PLANS[i % SPLIT_PLANS.length] as CellValue[];
    values.push([i + 1, `实事项目${i + 1}`, DEPARTMENTS[i % DEPARTMENTS.length] as string, ...plan]);
  }
  return { sheet: "Sheet1", origin: { row: 0, col: 0 }, values };
}
