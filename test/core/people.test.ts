import { splitPeople } from "../../src/core/people";

describe("splitPeople", () => {
  it.each([
    ["许文理 曾智伟", ["许文理", "曾智伟"]],
    ["许文理、曾智伟", ["许文理", "曾智伟"]],
    ["许文理，曾智伟", ["许文理", "曾智伟"]],
    ["许文理\n曾智伟", ["许文理", "曾智伟"]],
    ["许文理\u3000曾智伟", ["许文理", "曾智伟"]],
    ["  张绍萍 ", ["张绍萍"]],
    ["社会事务办(卫计)", ["社会事务办(卫计)"]],
  ])("%j → %j", (text, expected) => {
    expect(splitPeople(text)).toEqual(expected);
  });

  it("an empty or missing cell holds nobody", () => {
    expect(splitPeople("")).toEqual([]);
    expect(splitPeople(null)).toEqual([]);
    expect(splitPeople(" 、 ")).toEqual([]);
  });
});
