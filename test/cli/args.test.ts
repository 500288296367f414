import { parseArgs } from "../../src/cli/args";

function flags(argv: string[]) {
  const result = parseArgs(argv);
  if (!result.ok) throw new Error(result.message);
  return result.flags;
}

function failure(argv: string[]): string {
  const result = parseArgs(argv);
  if (result.ok) throw new Error(`accepted: ${argv.join(" ")}`);
  return result.message;
}

describe("parseArgs", () => {
  it("takes files and every flag, with and without =", () => {
    const f = flags([
      "a.xlsx",
      "--as-of",
      "2023-06-20",
      "--due-soon-days=7",
      "--sheet",
      "责任分解表",
      "b.xlsx",
      "--json",
      "--out=marked",
      "--fail-on-overdue",
    ]);
    expect(f).toMatchObject({
      files: ["a.xlsx", "b.xlsx"],
      asOf: "2023-06-20",
      dueSoonDays: 7,
      sheet: "责任分解表",
      json: true,
      out: "marked",
      failOnOverdue: true,
      help: false,
    });
  });

  it("defaults to 15 due-soon days, text output, no copy", () => {
    const f = flags(["a.xlsx"]);
    expect(f).toMatchObject({ dueSoonDays: 15, json: false, failOnOverdue: false });
    expect([f.out, f.asOf, f.sheet]).toEqual([undefined, undefined, undefined]);
  });

  it("treats everything after -- as files", () => {
    expect(flags(["--", "--json", "x.xlsx"]).files).toEqual(["--json", "x.xlsx"]);
  });

  it("takes the core's bounds for the due-soon window", () => {
    expect(flags(["a.xlsx", "--due-soon-days", "366"]).dueSoonDays).toBe(366);
    expect(flags(["a.xlsx", "--due-soon-days", "0"]).dueSoonDays).toBe(0);
  });

  it("needs no file for --help or --version", () => {
    expect(flags(["--help"]).help).toBe(true);
    expect(flags(["-v"]).version).toBe(true);
  });

  it.each([
    [[], /至少指定一个/],
    [["a.xlsx", "--as-of", "2023-02-30"], /--as-of “2023-02-30” 无效：不是有效日期/],
    [["a.xlsx", "--as-of", "20230620"], /--as-of “20230620” 无效：日期格式应为 YYYY-MM-DD/],
    [["a.xlsx", "--due-soon-days", "-3"], /--due-soon-days “-3” 无效/],
    [["a.xlsx", "--due-soon-days", "abc"], /--due-soon-days “abc” 无效：应为 0 到 366/],
    [["a.xlsx", "--due-soon-days", "400"], /--due-soon-days “400” 无效：应为 0 到 366 之间的整数天数/],
    [["a.xlsx", "--colour"], /未知选项 --colour/],
    [["a.xlsx", "--out"], /选项 --out 需要一个取值/],
    [["a.xlsx", "--json=yes"], /选项 --json 不接受取值/],
    [["a.xlsx", "--sheet", "A", "--sheet", "B"], /只能指定一次/],
    [["a.xlsx", "--sheet="], /--sheet 无效：工作表名称不能为空/],
  ])("rejects %j in Chinese", (argv, message) => {
    expect(failure(argv)).toMatch(message);
  });
});
