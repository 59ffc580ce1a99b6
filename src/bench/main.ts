// `npm run bench`: how fast postguard is, as ratios against fixed baselines on this machine, so the
// figures compare across machines. Pre-commit use needs one file to lint in well under a second.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";

const BIN = join(PACKAGE_ROOT, "bin", "postguard.js");
const FIXTURES = join(PACKAGE_ROOT, "fixtures");
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(args: string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { cwd: FIXTURES, stdio: "ignore" });
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const nodeStart = time(["-e", ""]);
const oneFile = time([BIN, "lint", "posts/2025-03-congrats.md"]);
const fixtures = time([BIN, "lint", "."]);
const files = readdirSync(join(FIXTURES, "posts")).length + 2;

const rows = [
  ["bare node start", nodeStart, 1],
  ["lint one draft (pre-commit)", oneFile, oneFile / nodeStart],
  [`lint the fixtures (${files} files)`, fixtures, fixtures / nodeStart],
] as const;
process.stdout.write(`median of ${RUNS} runs; ratio = time / bare node start\n`);
for (const [name, ms, ratio] of rows) {
  process.stdout.write(
    `${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   ×${ratio.toFixed(1)}\n`,
  );
}
process.stdout.write(
  `one draft against the 1 s pre-commit budget: ${(oneFile / 1000).toFixed(2)} of it\n`,
);
