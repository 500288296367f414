require("./scripts/ts-register");
const { findTables } = require("./src/core/table");
const { planPeriod } = require("./src/core/table/plan");
const { parseHeaderPeriod } = require("./src/core/progress/period");
const rows=[["序号", "项目名称", "形象进度安排", "责任领导", "责任科室", "责任人员","1-5月推进情况", "截至6月20日", "上半年完成情况"],[1,"甲","第三季度:施工","a","b","c","正在推进","","正在推进"]];
const t=findTables({sheet:"s",origin:{row:0,col:0},values:rows});
console.log(JSON.stringify(t[0].progressColumns), t[0].planColumns, t[0].lastCol);
console.log(planPeriod("上半年完成情况",null), parseHeaderPeriod("上半年完成情况"));
