import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScheduleText } from "../../../src/core/schedule";

/** Every schedule text of both seed tables (samples/seeds/*.txt), copied verbatim. */
const SCHEDULES: Record<string, Record<string, string>> = {
  "新塘街道 2023 年度为民办实事项目责任分解表": {
    "1": "第一季度:发动宣传,鼓励企业在职工稳定后,统一为职工办理;第二、第三季度:相关单位医疗互助到期的做好续办工作;第四季度:机关、事业单位职工医疗互助办理。",
    "2": "第一季度:关爱环卫工送温暖;关爱困难女职工送温暖;第二季度:关爱困难职工子女,“六一”慰问;第三季度:开展关爱环卫工送清凉;开展“金秋助学”为困难职工子女圆上大学梦;第四季度:两节慰问困难职工。",
    "3": "2022年新塘街道“四帮四扶”工程帮扶家庭以上报12户,以市民政局审核通过为准。",
    "4": "第一季度:年度任务细化分解,确定初步意向改造对象;第二季度:确定承接改造第三方机构;第三季度:进场实施改造;第四季度:入户验收、整改、资金结算",
    "5": "第一季度完成预算编制及复核;第二季度完成施工单位招投标;第三季度材料及施工班组进场;第四季度完成主道路施工建设。",
    "6": "一季度:广泛宣传,充分发动,引导机关、企事业单位、社区、幼儿园参与改造提升建设; 二季度:确定目标,制定改造方案,启动项目开工,办理施工许可等手续材料,加强指导、监督和管理,确保试点工作顺利进行; 三季度:基本完成项目竣工,完善内页资料、现场设备设施及人员配备等情况; 四季度:通过验收,落实普惠政策,总结工作经验。",
    "7": "第一季度: 开展宣传发动; 第二季度: 继续组织符合条件的对象申请、缴费; 第三季度: 继续组织部分符合条件的对象申请、缴费; 结束部分对象的缴费工作并核实申请材料; 第四季度: 10 月份兑现部分对象补助经费; 2023 年 12 月份初结束低保户的申請, 总结工作经验。",
    "8": "第一季度装修装饰、水电施工收尾, 室外工程施工; 第二季度竣工验收; 第三季度搬迁使用。",
    "9": "第一季度: 制定全年计划, 组织惠民演出; 第二季度: 继续组织惠民演出; 第三季度: 继续组织惠民演出; 第四季度: 完成全年演出任务。",
    "10": "第一、二季度: 广发发动、筹备成立、接受捐款; 第三、四季度: 正式运行。",
    "11": "第一季度施工许可证办理、施工单位进场; 第二季度桩基施工及检测; 第三季度地下室施工; 第四季度主体工程施工。",
    "14": "第一季度:现场踏勘,核实地类和规划手续; 第二季度:完成工程施工询价或招标; 第三季度:进场施工; 第四季度:完工并验收。",
  },
  "紫帽镇 2022 年为民办实事项目责任分解表": {
    "1": "第一季度进行入户摸底调查,了解其家庭情况;第二季度确认帮扶对象与帮扶项目,确立挂钩市直单位、爱心企业、挂钩领导并上报相关申请表格;第三季度实施帮扶项目,督促帮扶对象及时动工,按进度拨付帮扶资金、报送相关材料;第四季度督促帮扶对象按时完成帮扶项目,入户验收,完成帮扶资金拨付。",
    "2": "第一季度完成前期工作;第二季度全面完成创建准备工作;第三季度完成申报工作,并接受地市两级的预检做好相关整改;第四季度达到省示范性幼儿园标准。",
    "3": "第一季度完成文体活动中心外围环境的整理优化;第二季度完成运营管理的提升;第四季度前完成相关设施设备的维护与修缮。",
    "4": "第一季度完成预算送审和招投标;第二、三、四季度全面开工建设。",
    "5": "2022 年 1 月选定地块，2 月完成造林方案设计，3 月进行公开招标并组织进场施工，6 月完成种植进行验收，并开始进入苗木抚育阶段。",
    "6": "第一、二、三季度（合同截止 8 月份）园坂村失能人员延续享受护理服务。紫湖村的项目合同截止 11 月份，第一季度按照前期评估的护理对象开展上门护理等服务，第二、三、四季度继续开展服务，对有新增对象及时评估及时开展服务。",
    "7": "第一季度统计适合延续养老保险的人员名单，初步整理今年新增名单；第二三季度让村级核对参保名单，及时增减；第四季度最终确认名单并落实款项缴纳。",
    "8": "第一季度进行项目前期准备，工程量测算和工程造价测算；第二季度签订工程合同并进场施工；第三季度和第四季度进入质保期。",
    "9": "第一季度项目报批，第二季度完工。",
    "10": "第一季度项目报批，并与第三方保险公司签订合同。",
  },
};

interface ExpectedMilestone {
  quarters?: number[];
  months?: number[];
  before?: boolean;
  due: string;
  textStartsWith: string;
}

interface ExpectedDocument {
  title: string;
  tableYear: number;
  projects: Array<{ index: string; milestones: ExpectedMilestone[] }>;
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/seed-expectations.json"), "utf8"),
) as { documents: ExpectedDocument[] };

const cases = fixture.documents.flatMap((doc) =>
  doc.projects.map((project) => ({
    title: doc.title,
    year: doc.tableYear,
    index: project.index,
    expected: project.milestones,
  })),
);

describe("seed tables: every schedule text reads as seed-expectations.json says", () => {
  it("covers every project of the fixture with a copied schedule text", () => {
    expect(cases.length).toBe(22);
    for (const c of cases) expect(SCHEDULES[c.title]?.[c.index]).toEqual(expect.any(String));
  });

  it.each(cases)("$title · 项目 $index", ({ title, year, index, expected }) => {
    const text = SCHEDULES[title]?.[index] as string;
    const parse = parseScheduleText(text, { defaultYear: year });
    expect(parse.milestones).toHaveLength(expected.length);
    parse.milestones.forEach((m, k) => {
      const want = expected[k] as ExpectedMilestone;
      expect(m.quarters).toEqual(want.quarters ?? null);
      expect(m.months).toEqual(want.months ?? null);
      expect(m.due).toBe(want.due);
      expect(m.before).toBe(want.before ?? false);
      expect(m.text.startsWith(want.textStartsWith)).toBe(true);
      expect(text.slice(m.start, m.start + m.marker.length)).toBe(m.marker);
    });
    const codes = parse.diagnostics.map((d) => d.code);
    if (expected.length === 0) expect(codes).toEqual(["schedule.unscheduled"]);
    else expect(codes).toEqual([]);
  });

  it("reads the year written before the first date (紫帽 5: 2022) and none where none is written", () => {
    const zimao = SCHEDULES["紫帽镇 2022 年为民办实事项目责任分解表"] as Record<string, string>;
    expect(
      parseScheduleText(zimao["5"] as string, { defaultYear: 2030 }).milestones.map((m) => m.due),
    ).toEqual(["2022-01-31", "2022-02-28", "2022-03-31", "2022-06-30"]);
    expect(parseScheduleText(zimao["5"] as string, { defaultYear: 2030 }).year).toBe(2022);
    expect(parseScheduleText(zimao["1"] as string, { defaultYear: 2030 }).year).toBeNull();
  });
});
