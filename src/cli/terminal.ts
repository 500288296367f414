/**
 * Cell text, sheet and file names reach the terminal: a control character in them (ESC, BEL, backspace,
 * an OSC sequence, C1 codes such as CSI) could recolour, retitle or hide the user's terminal, and bidi
 * overrides could reorder what is shown. Each becomes a visible stand-in: C0 and DEL as Unicode's control
 * pictures (ESC → ␛), the rest as �; tabs and line breaks inside a value as a space.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === "\t" || c === "\n" || c === "\r") return " ";
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? "\u2421" : "\ufffd";
  });
}

/** The same, line by line: the text's own line breaks kept. */
export function terminalSafeLines(text: string): string {
  return text.split("\n").map(terminalSafe).join("\n");
}
