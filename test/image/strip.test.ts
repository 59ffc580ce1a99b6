import { copyFile, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closeImageChecks, inspectImage, stripMetadata } from "../../src/image/index.js";
import { pixelHash } from "../../src/image/strip.js";
import { fx } from "./helpers.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pg-strip-"));
});
afterAll(async () => {
  await closeImageChecks();
  await rm(dir, { recursive: true, force: true });
});

const copy = async (name: string): Promise<string> => {
  const p = join(dir, name);
  await copyFile(fx(name), p);
  return p;
};

describe("stripMetadata (--fix)", () => {
  it.each(["meta.jpg", "meta.png", "meta.webp", "meta-icc-orient6.jpg"])(
    "%s: removes location and identity, pixels unchanged",
    async (name) => {
      const p = await copy(name);
      const before = await inspectImage(p, { faces: false, ocr: false });
      expect(before.findings.length).toBeGreaterThan(5);
      const h0 = await pixelHash(p);
      const raw0 = await sharp(p).raw().toBuffer(); // stored orientation too
      const r = await stripMetadata(p);
      expect(r.fixed).toBe(true);
      expect(r.removed.length).toBeGreaterThan(0);
      const after = await inspectImage(p, { faces: false, ocr: false });
      expect(after.findings).toEqual([]);
      expect(await pixelHash(p)).toBe(h0);
      expect((await sharp(p).raw().toBuffer()).equals(raw0)).toBe(true);
      expect([after.width, after.height]).toEqual([before.width, before.height]);
    },
  );

  it("keeps Orientation and the ICC profile in JPEG", async () => {
    const p = await copy("meta-icc-orient6.jpg");
    const icc0 = (await sharp(p).metadata()).icc;
    expect(icc0).toBeDefined();
    const r = await stripMetadata(p);
    expect(r.removed).toContain("EXIF (kept only Orientation=6)");
    const m = await sharp(p).metadata();
    expect(m.orientation).toBe(6);
    expect(m.icc?.equals(icc0!)).toBe(true);
    const rep = await inspectImage(p, { faces: false, ocr: false });
    expect([rep.width, rep.height]).toEqual([160, 240]);
  });

  it("keeps Orientation of a photo whose only metadata is orientation", async () => {
    const p = await copy("face-rotated-exif6.jpg");
    const h0 = await pixelHash(p);
    await stripMetadata(p);
    expect((await sharp(p).metadata()).orientation).toBe(6);
    expect(await pixelHash(p)).toBe(h0);
  });

  it.each(["meta.heic", "meta.tif", "meta.avif"])(
    "%s: not fixed, with a reason, file untouched",
    async (name) => {
      const p = await copy(name);
      const bytes = await readFile(p);
      const r = await stripMetadata(p);
      expect(r.fixed).toBe(false);
      expect(r.reason).toMatch(/can't be removed without re-encoding/);
      expect((await readFile(p)).equals(bytes)).toBe(true);
    },
  );

  it("a clean file is left as it is", async () => {
    const p = await copy("clean.jpg");
    const bytes = await readFile(p);
    expect(await stripMetadata(p)).toEqual({ fixed: true, removed: [] });
    expect((await readFile(p)).equals(bytes)).toBe(true);
  });

  it("leaves no temp files behind", async () => {
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
