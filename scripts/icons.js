#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/*.png) with pngjs: the ribbon needs 16/32/80 px per button and the
 * manifest's IconUrl/HighResolutionIconUrl need 32/64 px. Shapes are described in a unit square and
 * rasterised with 4×4 supersampling so that small sizes stay clean. Run: `node scripts/icons.js`.
 */
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

const SAMPLES = 4;

const RED = [200, 16, 46, 255];
const WHITE = [255, 255, 255, 255];
const INK = [64, 64, 64, 255];
const GREEN = [16, 124, 65, 255];
const OVERDUE_FILL = [255, 199, 206, 255];
const DUE_SOON_FILL = [255, 235, 156, 255];
const PANE_FILL = [31, 111, 178, 255];

/** Distance from p to the segment a–b. */
function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const shape = {
  roundRect: (x0, y0, x1, y1, r) => (x, y) => {
    const qx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const qy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && Math.hypot(qx, qy) <= r;
  },
  frame: (x0, y0, x1, y1, r, width) => {
    const outer = shape.roundRect(x0, y0, x1, y1, r);
    const inner = shape.roundRect(x0 + width, y0 + width, x1 - width, y1 - width, Math.max(0, r - width));
    return (x, y) => outer(x, y) && !inner(x, y);
  },
  stroke: (points, width) => (x, y) =>
    points.slice(1).some((p, i) => segmentDistance(x, y, points[i], p) <= width / 2),
};

const CHECK = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.34],
];

/** Each icon: layers painted in order, each an inside-test in unit coordinates and a colour. */
const ICONS = {
  icon: [
    [shape.roundRect(0.06, 0.06, 0.94, 0.94, 0.18), RED],
    [shape.stroke(CHECK, 0.13), WHITE],
  ],
  check: [
    [shape.frame(0.14, 0.1, 0.86, 0.92, 0.08, 0.08), INK],
    [shape.roundRect(0.34, 0.04, 0.66, 0.18, 0.04), INK],
    [shape.stroke(CHECK, 0.12), GREEN],
  ],
  clear: [
    [shape.roundRect(0.08, 0.1, 0.6, 0.5, 0.04), OVERDUE_FILL],
    [shape.roundRect(0.4, 0.5, 0.92, 0.9, 0.04), DUE_SOON_FILL],
    [
      shape.stroke(
        [
          [0.2, 0.82],
          [0.82, 0.2],
        ],
        0.12,
      ),
      INK,
    ],
  ],
  pane: [
    [shape.frame(0.06, 0.12, 0.94, 0.88, 0.06, 0.07), INK],
    [shape.roundRect(0.58, 0.19, 0.87, 0.81, 0.02), PANE_FILL],
  ],
};

const SIZES = { icon: [16, 32, 64, 80, 128], check: [16, 32, 80], clear: [16, 32, 80], pane: [16, 32, 80] };

function render(layers, size) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums over the supersamples, so partly covered edge pixels blend smoothly.
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let colour = null;
          for (const [inside, c] of layers) if (inside(x, y)) colour = c;
          if (colour) {
            const a = colour[3] / 255;
            sum[0] += colour[0] * a;
            sum[1] += colour[1] * a;
            sum[2] += colour[2] * a;
            sum[3] += a;
          }
        }
      }
      const i = (py * size + px) * 4;
      const n = SAMPLES * SAMPLES;
      png.data[i] = sum[3] ? Math.round(sum[0] / sum[3]) : 0;
      png.data[i + 1] = sum[3] ? Math.round(sum[1] / sum[3]) : 0;
      png.data[i + 2] = sum[3] ? Math.round(sum[2] / sum[3]) : 0;
      png.data[i + 3] = Math.round((sum[3] / n) * 255);
    }
  }
  return PNG.sync.write(png);
}

function main() {
  const out = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(out, { recursive: true });
  for (const [name, layers] of Object.entries(ICONS)) {
    for (const size of SIZES[name]) {
      const file = path.join(out, `${name}-${size}.png`);
      fs.writeFileSync(file, render(layers, size));
      console.log(`写出 ${path.relative(process.cwd(), file)} (${size}×${size})`);
    }
  }
}

if (require.main === module) main();

module.exports = { render, ICONS, SIZES };
