// OCR with tesseract.js (WASM) and the local English model from
// @tesseract.js-data/eng (no network at run time).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import sharp from "sharp";
import { createWorker, type Worker } from "tesseract.js";

import type { RgbImage } from "./face.js";
import type { OcrLine, Region } from "./types.js";

/** Long side the image is scaled to before OCR. */
const OCR_LONG_SIDE = 2000;
/** Lines below this confidence (0..100) are dropped: on photos without text tesseract
 * returns texture "lines" at 30-54; real text (sharp or a blurred photo) scores 85-96. */
const MIN_LINE_CONFIDENCE = 65;

let workerPromise: Promise<Worker> | undefined;

function langPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@tesseract.js-data/eng/package.json");
  return join(dirname(pkg), "4.0.0");
}

function getWorker(): Promise<Worker> {
  if (!workerPromise) {
    workerPromise = createWorker("eng", 1, {
      langPath: langPath(),
      gzip: true,
      cacheMethod: "none",
    }).then(async (w) => {
      // PNGs written by sharp carry no usable DPI; tell tesseract so it doesn't guess (and warn)
      await w.setParameters({ user_defined_dpi: "300" });
      return w;
    });
    workerPromise.catch(() => {
      workerPromise = undefined;
    });
  }
  return workerPromise;
}

/** Stops the OCR worker thread (call once at the end, or the process stays alive). */
export async function closeOcr(): Promise<void> {
  const p = workerPromise;
  workerPromise = undefined;
  if (p) await (await p).terminate();
}

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * OCR a decoded, oriented RGB image (see decode.ts). Regions are in pixels of
 * the image as displayed (EXIF orientation applied), like the face boxes.
 */
export async function recognizeText(img: RgbImage): Promise<OcrLine[]> {
  const { width: w, height: h } = img;
  const k = Math.min(2, OCR_LONG_SIDE / Math.max(w, h)); // upscale small images at most 2x
  const tw = Math.max(1, Math.round(w * k));
  const th = Math.max(1, Math.round(h * k));
  const png = await sharp(img.data, { raw: { width: w, height: h, channels: 3 } })
    .resize(tw, th, { fit: "fill" })
    .greyscale()
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
  const worker = await getWorker();
  const { data } = await worker.recognize(png, {}, { blocks: true, text: true });
  const sx = w / tw;
  const sy = h / th;
  const toRegion = (b: Bbox): Region => {
    const x = Math.max(0, Math.round(b.x0 * sx));
    const y = Math.max(0, Math.round(b.y0 * sy));
    return {
      x,
      y,
      width: Math.max(0, Math.round(b.x1 * sx) - x),
      height: Math.max(0, Math.round(b.y1 * sy) - y),
    };
  };
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words = line.words
          .filter((wd) => wd.text.trim() !== "")
          .map((wd) => ({
            text: wd.text,
            region: toRegion(wd.bbox),
            confidence: wd.confidence / 100,
          }));
        const text = line.text.replace(/\s+/g, " ").trim();
        if (!text || words.length === 0) continue;
        if (line.confidence < MIN_LINE_CONFIDENCE) continue;
        if (!/[\p{L}\p{N}]{2,}/u.test(text)) continue; // "x x", "| A \\": texture, not text
        lines.push({ text, region: toRegion(line.bbox), confidence: line.confidence / 100, words });
      }
    }
  }
  return lines;
}
