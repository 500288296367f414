import { decodeXstring, encodeXstring } from "../../../src/core/xlsx/xml";

describe("ST_Xstring text", () => {
  it.each([
    ["plain", "第一季度 完成"],
    ["XML's own characters", `a<b & "c" > d`],
    ["control characters", "\u001b]0;x\u0007\u0008"],
    ["a literal _xHHHH_", "_x0041_ stays as typed"],
    ["an emoji (a surrogate pair)", "完成 👍"],
    ["lone surrogates", "\ud800 and \udc00"],
  ])("%s survive encoding and decoding", (_, text) => {
    const encoded = encodeXstring(text);
    // eslint-disable-next-line no-control-regex -- control characters must not reach the XML
    expect(encoded).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f<>"]|&(?!amp;|lt;|gt;|quot;)/);
    expect(decodeXstring(encoded)).toBe(text);
  });
});
