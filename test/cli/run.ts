import { main } from "../../src/cli/main";

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in-process, as of 2023-06-20, collecting what it prints. */
export async function run(argv: string[], colour = false): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    colour,
    today: new Date(2023, 5, 20),
  });
  return { code, out, err };
}
