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
const oneFile = time([BIN, "lint", "posts/2025-03-advice.txt"]);
const withPicture = time([BIN, "lint", "posts/2025-03-congrats.md"]);
const fixtures = time([BIN, "lint", "."]);
const files = readdirSync(join(FIXTURES, "posts")).length + 2;

const rows = [
  ["bare node start", nodeStart, 1],
  ["lint one text draft (pre-commit)", oneFile, oneFile / nodeStart],
  ["lint one draft with a picture", withPicture, withPicture / nodeStart],
  [`lint the fixtures (${files} files)`, fixtures, fixtures / nodeStart],
] as const;
process.stdout.write(`median of ${RUNS} runs; ratio = time / bare node start\n`);
for (const [name, ms, ratio] of rows) {
  process.stdout.write(
    `${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   ×${ratio.toFixed(1)}\n`,
  );
}
process.stdout.write(
  `one text draft against the 1 s pre-commit budget: ${(oneFile / 1000).toFixed(2)} of it\n`,
);

// Pictures: faces and text reading, per picture, in one warm process (models already loaded).
const { inspectImage, closeImageChecks } = await import("../image/index.js");
const sharp = (await import("sharp")).default;
const { mkdtempSync, rmSync } = await import("node:fs");
const { tmpdir } = await import("node:os");
const work = mkdtempSync(join(tmpdir(), "postguard-bench-"));
const source = join(FIXTURES, "images", "face-group-small.jpg");
const sizes = [
  ["12 MP JPEG (4000×3000)", 4000, 3000],
  ["1 MP JPEG (1280×800)", 1280, 800],
] as const;
await inspectImage(source, { faces: true, ocr: true });
const imageRows: [string, number, number][] = [];
for (const [name, width, height] of sizes) {
  const path = join(work, `${width}.jpg`);
  await sharp(source).resize(width, height, { fit: "fill" }).jpeg({ quality: 90 }).toFile(path);
  const faces: number[] = [];
  const text: number[] = [];
  for (let i = 0; i < 3; i++) {
    let start = performance.now();
    await inspectImage(path, { faces: true, ocr: false });
    faces.push(performance.now() - start);
    start = performance.now();
    await inspectImage(path, { faces: false, ocr: true });
    text.push(performance.now() - start);
  }
  imageRows.push([name, median(faces), median(text)]);
}
await closeImageChecks();
rmSync(work, { recursive: true, force: true });
process.stdout.write(`\npictures (median of 3, warm; ratio = time / one-draft lint)\n`);
for (const [name, faces, text] of imageRows) {
  process.stdout.write(
    `${name.padEnd(24)} faces ${faces.toFixed(0).padStart(5)} ms ×${(faces / oneFile).toFixed(1)}   text ${text.toFixed(0).padStart(5)} ms ×${(text / oneFile).toFixed(1)}\n`,
  );
}
