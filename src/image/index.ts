// Public entry points of postguard's image checks.
import { readFile } from "node:fs/promises";
import { detectFormat, heifSize } from "./containers.js";
import { decodeRgb } from "./decode.js";
import { detectFaces, type RgbImage } from "./face.js";
import { fieldToFinding, readMetadataFields } from "./metadata.js";
import { closeOcr, recognizeText } from "./ocr.js";
import type { ImageFinding, ImageReport, InspectOptions } from "./types.js";

export type {
  ImageFinding,
  ImageReport,
  InspectOptions,
  OcrLine,
  Region,
  StripResult,
} from "./types.js";
export { stripMetadata } from "./strip.js";

/** Releases the OCR worker thread; call once when done (face models need no cleanup). */
export async function closeImageChecks(): Promise<void> {
  await closeOcr();
}

const errText = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "unknown error";

export async function inspectImage(path: string, options: InspectOptions): Promise<ImageReport> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new Error(`cannot read image ${path}: ${errText(e)}`);
  }
  const format = detectFormat(buf);
  if (format === "unknown")
    throw new Error(
      `${path} is not a supported image (JPEG, PNG, WebP, TIFF, HEIC or AVIF expected)`,
    );

  const findings: ImageFinding[] = [];
  const notChecked: string[] = [];

  let fields;
  try {
    fields = (await readMetadataFields(buf)).fields;
  } catch (e) {
    throw new Error(`corrupt image ${path}: ${errText(e)}`);
  }
  for (const f of fields.filter((x) => x.rule === "image/location"))
    findings.push(fieldToFinding(f));
  for (const f of fields.filter((x) => x.rule === "image/metadata"))
    findings.push(fieldToFinding(f));

  // Decode the pixels (also validates the file). HEIC is not decodable by
  // sharp's prebuilt libvips (no HEVC decoder): metadata is still checked.
  let img: RgbImage | undefined;
  let width = 0;
  let height = 0;
  try {
    img = await decodeRgb(buf, format);
    width = img.width;
    height = img.height;
  } catch (e) {
    if (format !== "heic") throw new Error(`cannot decode image ${path}: ${errText(e)}`);
    const reason = errText(e);
    const size = heifSize(buf);
    width = size?.width ?? 0;
    height = size?.height ?? 0;
    if (options.faces) notChecked.push(`faces: ${reason}`);
    if (options.ocr) notChecked.push(`text: ${reason}`);
  }

  if (options.faces && img) {
    const faces = await detectFaces(img);
    for (const f of faces) {
      findings.push({
        ruleId: "image/face",
        message: `a human face is visible (confidence ${f.score.toFixed(2)}); get written consent or blur/crop the face before posting`,
        region: f.region,
        score: Math.round(f.score * 1000) / 1000,
      });
    }
  }

  const report: ImageReport = { path, width, height, findings };
  if (options.ocr && img) report.ocr = await recognizeText(img);
  if (notChecked.length) report.notChecked = notChecked;
  return report;
}
