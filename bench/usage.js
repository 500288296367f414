"use strict";
// Preloaded (`node --require`) into a measured duty-check process: on exit, writes its peak resident set
// size (KB) and the CPU time it used (ms) as JSON to the file named by DUTYCHECK_USAGE. CPU time says what
// the process cost even when other work shares the machine and stretches the wall time.
const { writeFileSync } = require("fs");

process.on("exit", () => {
  const file = process.env.DUTYCHECK_USAGE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(
    file,
    JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
  );
});
