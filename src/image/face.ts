// Face detection with MediaPipe BlazeFace ("back"/full-range-ish 256x256 model,
// Apache-2.0, see data/models/PROVENANCE.md) on onnxruntime-node (CPU).
//
// Pipeline:
//  1. pixels come in already EXIF-oriented (see decode.ts), RGB, 8 bit.
//  2. image pyramid: level 0 maps the whole image into one 256x256 window
//     (letterboxed); each next level doubles the scale and is cut into
//     overlapping 256x256 tiles (stride 192), until the scale reaches
//     MAX_SCALE. That finds faces down to ~24 px in large photos.
//  3. candidates above CANDIDATE_THRESHOLD from all tiles are merged with
//     weighted NMS (MediaPipe style blending).
//  4. second check: every merged candidate is re-detected by the BlazeFace
//     "front" (short-range 128x128) model on a crop twice the face size; the
//     final score is the lower of the two scores and must reach
//     FACE_THRESHOLD. This removes the animal/object false alarms of the back
//     model (cat 0.73-0.80 -> 0.47-0.55, rocket 0.73 -> 0.50).
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import sharp from "sharp";

import { DATA_DIR } from "../paths.js";
import type { Region } from "./types.js";

export interface RgbImage {
  data: Buffer; // RGB, 3 bytes per pixel, row-major
  width: number;
  height: number;
}

export interface FaceBox {
  region: Region;
  score: number; // final (verified) score 0..1
  detectScore: number; // score of the pyramid pass
  frontScore: number; // score of the short-range model on the crop
}

export interface FaceOptions {
  /** Final score needed to report a face. */
  threshold?: number;
  /** Largest pyramid scale (1 = native resolution). */
  maxScale?: number;
}

const INPUT = 256;
const STRIDE = 192;
const CANDIDATE_THRESHOLD = 0.5;
export const FACE_THRESHOLD = 0.7;
const MAX_SCALE = 1;
/** The finest pyramid level is at most this many px on its long side (speed cap). */
const MAX_LEVEL_PX = 2100;
/** Faces smaller than this (px, original image) are ignored. */
const MIN_FACE_PX = 16;
const MODEL_FILE = "blazeface-back-256.onnx";
const FRONT_MODEL_FILE = "blazeface-front-128.onnx";
const FRONT_INPUT = 128;

interface Candidate {
  cx: number;
  cy: number;
  w: number;
  h: number;
  score: number;
}

// ---------------------------------------------------------------- model ---

/** The model files ship in data/models (with their licence and provenance); POSTGUARD_MODEL_DIR overrides. */
export function resolveModelPath(file: string = MODEL_FILE): string {
  const path = join(process.env["POSTGUARD_MODEL_DIR"] ?? join(DATA_DIR, "models"), file);
  if (!existsSync(path))
    throw new Error(`face model ${path} not found; reinstall postguard or set POSTGUARD_MODEL_DIR`);
  return path;
}

const sessions = new Map<string, Promise<ort.InferenceSession>>();

/** Lazy singleton per model file. */
function getSession(file: string = MODEL_FILE): Promise<ort.InferenceSession> {
  let p = sessions.get(file);
  if (!p) {
    p = ort.InferenceSession.create(resolveModelPath(file), {
      logSeverityLevel: 3,
      intraOpNumThreads: 2,
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
    });
    sessions.set(file, p);
    p.catch(() => sessions.delete(file));
  }
  return p;
}

// ---------------------------------------------------------- inference -----

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-Math.max(-80, Math.min(80, x))));

/** Runs the model on one 256x256 RGB window; returns candidates in window px. */
async function runWindow(
  session: ort.InferenceSession,
  input: Float32Array,
  threshold: number,
  size: number = INPUT,
): Promise<Candidate[]> {
  const tensor = new ort.Tensor("float32", input, [1, size, size, 3]);
  const out = await session.run({ "input:0": tensor });
  const res: Candidate[] = [];
  const groups: Array<[string, string, number, number]> = [
    ["Identity:0", "Identity_2:0", 16, 2],
    ["Identity_1:0", "Identity_3:0", 8, 6],
  ];
  for (const [scoreName, boxName, cells, perCell] of groups) {
    const scores = out[scoreName]?.data as Float32Array | undefined;
    const boxes = out[boxName]?.data as Float32Array | undefined;
    if (!scores || !boxes) throw new Error("face model: unexpected outputs");
    for (let i = 0; i < scores.length; i++) {
      const s = sigmoid(scores[i] ?? -100);
      if (s < threshold) continue;
      const cell = Math.floor(i / perCell);
      const ax = ((cell % cells) + 0.5) / cells;
      const ay = (Math.floor(cell / cells) + 0.5) / cells;
      const b = i * 16;
      const cx = ax * size + (boxes[b] ?? 0);
      const cy = ay * size + (boxes[b + 1] ?? 0);
      const w = boxes[b + 2] ?? 0;
      const h = boxes[b + 3] ?? 0;
      if (w <= 0 || h <= 0) continue;
      res.push({ cx, cy, w, h, score: s });
    }
  }
  for (const t of Object.values(out)) t.dispose?.();
  return res;
}

/** Copies a 256x256 window at (x0,y0) of an RGB image into a [-1,1] float tensor; outside is grey (0). */
function windowTensor(
  img: RgbImage,
  x0: number,
  y0: number,
  buf: Float32Array,
  size: number = INPUT,
): Float32Array {
  buf.fill(0);
  const { data, width, height } = img;
  for (let y = 0; y < size; y++) {
    const sy = y0 + y;
    if (sy < 0 || sy >= height) continue;
    for (let x = 0; x < size; x++) {
      const sx = x0 + x;
      if (sx < 0 || sx >= width) continue;
      const si = (sy * width + sx) * 3;
      const di = (y * size + x) * 3;
      buf[di] = (data[si] ?? 0) / 127.5 - 1;
      buf[di + 1] = (data[si + 1] ?? 0) / 127.5 - 1;
      buf[di + 2] = (data[si + 2] ?? 0) / 127.5 - 1;
    }
  }
  return buf;
}

async function resizeRgb(img: RgbImage, width: number, height: number): Promise<RgbImage> {
  if (width === img.width && height === img.height) return img;
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .resize(width, height, { fit: "fill", kernel: width < img.width ? "linear" : "cubic" })
    .raw()
    .toBuffer();
  return { data, width, height };
}

async function extractRgb(
  img: RgbImage,
  left: number,
  top: number,
  w: number,
  h: number,
): Promise<RgbImage> {
  // crop with grey padding where the box leaves the image
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(img.width, left + w);
  const y1 = Math.min(img.height, top + h);
  const out = Buffer.alloc(w * h * 3, 128);
  for (let y = y0; y < y1; y++) {
    const src = (y * img.width + x0) * 3;
    img.data.copy(out, ((y - top) * w + (x0 - left)) * 3, src, src + (x1 - x0) * 3);
  }
  return { data: out, width: w, height: h };
}

// --------------------------------------------------------------- NMS ------

function iou(a: Candidate, b: Candidate): number {
  const ix = Math.min(a.cx + a.w / 2, b.cx + b.w / 2) - Math.max(a.cx - a.w / 2, b.cx - b.w / 2);
  const iy = Math.min(a.cy + a.h / 2, b.cy + b.h / 2) - Math.max(a.cy - a.h / 2, b.cy - b.h / 2);
  if (ix <= 0 || iy <= 0) return 0;
  const inter = ix * iy;
  return inter / Math.min(a.w * a.h + b.w * b.h - inter, Math.min(a.w * a.h, b.w * b.h) * 1.6);
}

/** Weighted NMS: overlapping candidates are blended, weighted by score. */
function weightedNms(cands: Candidate[], iouThreshold = 0.3): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.score - a.score);
  const used = new Array<boolean>(sorted.length).fill(false);
  const out: Candidate[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (used[i]) continue;
    const top = sorted[i]!;
    let sw = 0;
    let cx = 0;
    let cy = 0;
    let w = 0;
    let h = 0;
    for (let j = i; j < sorted.length; j++) {
      if (used[j]) continue;
      const c = sorted[j]!;
      if (j !== i && iou(top, c) < iouThreshold) continue;
      used[j] = true;
      sw += c.score;
      cx += c.cx * c.score;
      cy += c.cy * c.score;
      w += c.w * c.score;
      h += c.h * c.score;
    }
    out.push({ cx: cx / sw, cy: cy / sw, w: w / sw, h: h / sw, score: top.score });
  }
  return out;
}

// ------------------------------------------------------------ detect ------

/** Pyramid/tiled pass over the whole image. Returns merged candidates in image px. */
async function detectPyramid(
  session: ort.InferenceSession,
  img: RgbImage,
  maxScale: number,
  threshold: number,
): Promise<Candidate[]> {
  const long = Math.max(img.width, img.height);
  const scales: number[] = [];
  for (let s = INPUT / long; ; s *= 2) {
    if (s >= maxScale) {
      scales.push(Math.min(s, maxScale));
      break;
    }
    scales.push(s);
  }
  // a small image: also look at 2x so that small faces in thumbnails count
  if (long <= INPUT) scales.push(2);
  const buf = new Float32Array(INPUT * INPUT * 3);
  const all: Candidate[] = [];
  for (const s of [...new Set(scales)]) {
    const w = Math.max(1, Math.round(img.width * s));
    const h = Math.max(1, Math.round(img.height * s));
    const level = await resizeRgb(img, w, h);
    const sx = img.width / w;
    const sy = img.height / h;
    const xs = tileStarts(w);
    const ys = tileStarts(h);
    for (const y0 of ys) {
      for (const x0 of xs) {
        const cands = await runWindow(session, windowTensor(level, x0, y0, buf), threshold);
        for (const c of cands) {
          // drop boxes whose centre lies in the tile margin that another tile covers better
          all.push({
            cx: (x0 + c.cx) * sx,
            cy: (y0 + c.cy) * sy,
            w: c.w * sx,
            h: c.h * sy,
            score: c.score,
          });
        }
      }
    }
  }
  return weightedNms(all).filter((c) => Math.min(c.w, c.h) >= MIN_FACE_PX);
}

function tileStarts(len: number): number[] {
  if (len <= INPUT) return [Math.floor((len - INPUT) / 2)]; // centred, letterboxed
  const starts: number[] = [];
  for (let p = 0; ; p += STRIDE) {
    if (p + INPUT >= len) {
      starts.push(len - INPUT);
      break;
    }
    starts.push(p);
  }
  return starts;
}

/**
 * Re-runs a model on a square crop around a candidate (`zoom` times the face's size) and returns
 * the best score of a detection that overlaps the candidate (IoU ≥ 0.3), or 0.
 */
async function rescore(
  session: ort.InferenceSession,
  img: RgbImage,
  c: Candidate,
  zoom: number,
  input: number,
): Promise<number> {
  const side = Math.max(8, Math.round(Math.max(c.w, c.h) * zoom));
  const left = Math.round(c.cx - side / 2);
  const top = Math.round(c.cy - side / 2);
  const crop = await extractRgb(img, left, top, side, side);
  const win = await resizeRgb(crop, input, input);
  const buf = new Float32Array(input * input * 3);
  const cands = await runWindow(session, windowTensor(win, 0, 0, buf, input), 0.05, input);
  const k = side / input;
  const target: Candidate = { cx: c.cx, cy: c.cy, w: c.w, h: c.h, score: 0 };
  let best = 0;
  for (const d of cands) {
    const mapped = {
      cx: left + d.cx * k,
      cy: top + d.cy * k,
      w: d.w * k,
      h: d.h * k,
      score: d.score,
    };
    if (iou(mapped, target) >= 0.3 && d.score > best) best = d.score;
  }
  return best;
}

/**
 * Second check: the BlazeFace "front" (short-range, 128x128) model on a crop
 * twice the face size. It was trained on close-up faces and rejects animal
 * heads, fish and textures that the back model accepts.
 */
async function verifyFront(img: RgbImage, c: Candidate): Promise<number> {
  return rescore(await getSession(FRONT_MODEL_FILE), img, c, 2, FRONT_INPUT);
}

function defaultMaxScale(img: RgbImage): number {
  return Math.min(MAX_SCALE, MAX_LEVEL_PX / Math.max(img.width, img.height));
}

/** Detect faces in an (already oriented) RGB image. */
export async function detectFaces(img: RgbImage, options: FaceOptions = {}): Promise<FaceBox[]> {
  const threshold = options.threshold ?? FACE_THRESHOLD;
  const session = await getSession();
  const cands = await detectPyramid(
    session,
    img,
    options.maxScale ?? defaultMaxScale(img),
    Math.min(CANDIDATE_THRESHOLD, threshold),
  );
  const faces: FaceBox[] = [];
  for (const c of cands) {
    if (c.score < threshold) continue;
    const fr = await verifyFront(img, c);
    const score = Math.min(c.score, fr);
    if (score < threshold) continue;
    const x = Math.max(0, Math.round(c.cx - c.w / 2));
    const y = Math.max(0, Math.round(c.cy - c.h / 2));
    const x2 = Math.min(img.width, Math.round(c.cx + c.w / 2));
    const y2 = Math.min(img.height, Math.round(c.cy + c.h / 2));
    faces.push({
      region: { x, y, width: x2 - x, height: y2 - y },
      score,
      detectScore: c.score,
      frontScore: fr,
    });
  }
  return faces.sort((a, b) => b.score - a.score);
}
