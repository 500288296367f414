"use strict";
// Preloaded (`node --require`) into a measured duty-check process: its peak resident set size, in KB,
// written on exit to the file named by DUTYCHECK_PEAK_RSS.
const { writeFileSync } = require("fs");

process.on("exit", () => {
  const file = process.env.DUTYCHECK_PEAK_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
