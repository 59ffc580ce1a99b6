import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  closeImageChecks,
  inspectImage,
  type ImageFinding,
  type Region,
} from "../../src/image/index.js";
import { fx } from "./helpers.js";

const faces = async (file: string): Promise<ImageFinding[]> =>
  (await inspectImage(file, { faces: true, ocr: false })).findings.filter(
    (f) => f.ruleId === "image/face",
  );

/** centre of `r` lies inside `expected` */
const centreInside = (r: Region | undefined, e: Region): boolean =>
  !!r &&
  r.x + r.width / 2 >= e.x &&
  r.x + r.width / 2 <= e.x + e.width &&
  r.y + r.height / 2 >= e.y &&
  r.y + r.height / 2 <= e.y + e.height;

/** Every expected area holds the centre of one found face. */
function expectFacesAround(found: { region?: Region }[], expected: Region[]): void {
  for (const area of expected)
    expect(found.some((face) => centreInside(face.region, area))).toBe(true);
}

afterAll(closeImageChecks);

describe("image/face on face photos", () => {
  it.each([
    ["face-astronaut.jpg", { x: 160, y: 60, width: 130, height: 130 }],
    ["face-grace-hopper.jpg", { x: 180, y: 130, width: 190, height: 190 }],
    ["face-cameraman.jpg", { x: 175, y: 110, width: 95, height: 95 }],
  ])("%s: one face with a box on the face", async (file, expected) => {
    const f = await faces(fx(file));
    expect(f).toHaveLength(1);
    expect(centreInside(f[0]?.region, expected)).toBe(true);
    expect(f[0]?.score).toBeGreaterThanOrEqual(0.7);
    expect(f[0]?.message).toMatch(/face/i);
  });

  it("honours EXIF orientation: box is in displayed coordinates", async () => {
    const r = await inspectImage(fx("face-rotated-exif6.jpg"), { faces: true, ocr: false });
    expect([r.width, r.height]).toEqual([512, 600]); // stored 600x512, Orientation=6
    const f = r.findings.filter((x) => x.ruleId === "image/face");
    expect(f).toHaveLength(1);
    expect(centreInside(f[0]?.region, { x: 180, y: 130, width: 190, height: 190 })).toBe(true);
  });

  it("finds three small faces (~40-65 px) in a group picture", async () => {
    const f = await faces(fx("face-group-small.jpg"));
    expect(f).toHaveLength(3);
    expectFacesAround(f, [
      { x: 200, y: 310, width: 80, height: 80 },
      { x: 840, y: 235, width: 110, height: 110 },
      { x: 1270, y: 640, width: 80, height: 80 },
    ]);
  });
});

describe("image/face stays quiet without a human face", () => {
  it.each([
    "neg-cat.jpg",
    "neg-coffee.jpg",
    "neg-horse-silhouette.png",
    "neg-rocket.jpg",
    "neg-motorcycle.jpg",
    "neg-cartoon-smiley.png",
    "neg-person-silhouette.png",
    "text-whiteboard.png",
    "text-poster.png",
    "clean.jpg",
  ])("%s: no face", async (file) => {
    expect(await faces(fx(file))).toEqual([]);
  });
});

describe("12 MP photo with small faces (generated at test time)", () => {
  let dir = "";
  let big = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "pg-face-"));
    big = join(dir, "big-12mp.jpg");
    const group = await sharp(fx("face-group-small.jpg")).toBuffer();
    await sharp({
      create: { width: 4000, height: 3000, channels: 3, background: { r: 120, g: 130, b: 110 } },
    })
      .composite([{ input: group, left: 2100, top: 1700 }])
      .jpeg({ quality: 85 })
      .toFile(big);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("finds the three faces in a 4000x3000 JPEG, boxes in original pixels", async () => {
    const t0 = performance.now();
    const r = await inspectImage(big, { faces: true, ocr: false });
    const ms = performance.now() - t0;
    console.log(`12 MP face check: ${ms.toFixed(0)} ms`);
    expect([r.width, r.height]).toEqual([4000, 3000]);
    const f = r.findings.filter((x) => x.ruleId === "image/face");
    expect(f).toHaveLength(3);
    expectFacesAround(f, [
      { x: 2300, y: 2010, width: 80, height: 80 },
      { x: 2940, y: 1935, width: 110, height: 110 },
      { x: 3370, y: 2340, width: 80, height: 80 },
    ]);
  });
});
