import { afterAll, describe, expect, it } from "vitest";

import { closeImageChecks, inspectImage, type ImageReport } from "../../src/image/index.js";
import { fx } from "./helpers.js";

afterAll(closeImageChecks);

const meta = (file: string): Promise<ImageReport> =>
  inspectImage(fx(file), { faces: false, ocr: false });
const has = (r: ImageReport, rule: string, source: RegExp, value: string): boolean =>
  r.findings.some((f) => f.ruleId === rule && source.test(f.message) && f.match === value);

describe.each(["meta.jpg", "meta.png", "meta.webp", "meta.heic", "meta.tif", "meta.avif"])(
  "planted metadata in %s",
  (file) => {
    it("image/location: EXIF GPS, XMP GPS, XMP City/State/Country/Location", async () => {
      const r = await meta(file);
      expect(has(r, "image/location", /EXIF GPS/, "41.8781, -87.6298")).toBe(true);
      expect(has(r, "image/location", /XMP exif:GPSLatitude/, "41.8781, -87.6298")).toBe(true);
      expect(has(r, "image/location", /XMP City/, "Springfield")).toBe(true);
      expect(has(r, "image/location", /XMP State/, "Illinois")).toBe(true);
      expect(has(r, "image/location", /XMP Country/, "USA")).toBe(true);
      expect(has(r, "image/location", /Iptc4xmpCore:Location/, "Lakeside Clinic")).toBe(true);
      for (const f of r.findings.filter((x) => x.ruleId === "image/location"))
        expect(f.message).toMatch(/--fix|strip/);
    });

    it("image/metadata: names, owner, serial numbers, face regions, person shown", async () => {
      const r = await meta(file);
      expect(has(r, "image/metadata", /EXIF Artist/, "Dana Whitfield")).toBe(true);
      expect(has(r, "image/metadata", /EXIF CameraOwnerName/, "Dana Whitfield")).toBe(true);
      expect(has(r, "image/metadata", /XMP OwnerName/, "Dana Whitfield")).toBe(true);
      expect(has(r, "image/metadata", /EXIF BodySerialNumber/, "SN-4417")).toBe(true);
      expect(has(r, "image/metadata", /XMP BodySerialNumber/, "BSN-993311")).toBe(true);
      expect(has(r, "image/metadata", /EXIF LensSerialNumber/, "LSN-2020")).toBe(true);
      expect(has(r, "image/metadata", /EXIF ImageDescription/, "Maria Lopez after surgery")).toBe(
        true,
      );
      expect(has(r, "image/metadata", /dc:creator/, "Dana Whitfield")).toBe(true);
      expect(has(r, "image/metadata", /mwg-rs:Name/, "Maria Lopez")).toBe(true);
      expect(has(r, "image/metadata", /PersonDisplayName/, "Maria Lopez")).toBe(true);
      expect(has(r, "image/metadata", /PersonInImage/, "Maria Lopez")).toBe(true);
      expect(r.findings.every((f) => f.region === undefined)).toBe(true);
    });
  },
);

describe("format specifics", () => {
  it("JPEG: IPTC By-line, City, Sub-location and Caption", async () => {
    const r = await meta("meta.jpg");
    expect(has(r, "image/metadata", /IPTC By-line/, "Dana Whitfield")).toBe(true);
    expect(has(r, "image/location", /IPTC City/, "Springfield")).toBe(true);
    expect(has(r, "image/location", /IPTC Sub-location/, "Lakeside Clinic")).toBe(true);
    expect(has(r, "image/metadata", /IPTC Caption/, "Maria Lopez after surgery")).toBe(true);
  });

  it("PNG: tEXt Author", async () => {
    expect(has(await meta("meta.png"), "image/metadata", /PNG text Author/, "Dana Whitfield")).toBe(
      true,
    );
  });

  it("a clean file has no findings", async () => {
    const r = await meta("clean.jpg");
    expect(r.findings).toEqual([]);
    expect([r.width, r.height]).toEqual([240, 160]);
  });

  it("HEIC pixels: decoded with the optional heic-decode package, else reported as not checked", async () => {
    const r = await inspectImage(fx("meta.heic"), { faces: true, ocr: false });
    expect([r.width, r.height]).toEqual([240, 160]);
    const hasDecoder = await import("heic-decode" as string).then(
      () => true,
      () => false,
    );
    if (hasDecoder) expect(r.notChecked).toBeUndefined();
    else expect(r.notChecked?.[0]).toMatch(/^faces: HEIC pixels not decodable/);
  });
});
