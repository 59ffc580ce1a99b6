import { afterAll, describe, expect, it } from "vitest";

import { closeImageChecks, inspectImage, type OcrLine } from "../../src/image/index.js";
import { fx } from "./helpers.js";

afterAll(closeImageChecks);

const ocr = async (file: string): Promise<{ lines: OcrLine[]; ms: number }> => {
  const t0 = performance.now();
  const r = await inspectImage(fx(file), { faces: false, ocr: true });
  return { lines: r.ocr ?? [], ms: performance.now() - t0 };
};

describe("image/text OCR", () => {
  it.each(["text-whiteboard.png", "text-whiteboard-photo.jpg"])(
    "%s: reads the patient name and DOB with boxes",
    async (file) => {
      const { lines, ms } = await ocr(file);
      console.log(`${file}: OCR ${ms.toFixed(0)} ms`);
      // the blurred photo comes back as "john carter" at times: name rules must ignore case
      const text = lines
        .map((l) => l.text)
        .join("\n")
        .toLowerCase();
      expect(text).toContain("john carter");
      expect(text).toContain("dob 03/14/1958");
      const name = lines.find((l) => l.text.toLowerCase().includes("john carter"));
      expect(name?.region.width).toBeGreaterThan(100);
      expect(name?.confidence).toBeGreaterThan(0.6);
      expect(name?.words?.map((w) => w.text.toLowerCase())).toContain("carter");
    },
  );

  it("whiteboard boxes are in original pixels", async () => {
    const { lines } = await ocr("text-whiteboard.png"); // 1400x800, text baseline at y=160 and 270
    const name = lines.find((l) => l.text.includes("John Carter"));
    const dob = lines.find((l) => l.text.includes("DOB"));
    expect(name?.region.x).toBeGreaterThan(60);
    expect(name?.region.x).toBeLessThan(110);
    expect(name!.region.y + name!.region.height).toBeGreaterThan(140);
    expect(name!.region.y + name!.region.height).toBeLessThan(185);
    expect(dob!.region.y).toBeGreaterThan(name!.region.y + name!.region.height - 5);
  });

  it("poster: reads the practice phone number", async () => {
    const { lines } = await ocr("text-poster.png");
    expect(lines.map((l) => l.text).join("\n")).toContain("(555) 010-2000");
  });

  it.each(["face-grace-hopper.jpg", "neg-cat.jpg", "neg-coffee.jpg"])(
    "%s: photo without text gives no text lines",
    async (file) => {
      const { lines } = await ocr(file);
      expect(lines).toEqual([]);
    },
  );
});
