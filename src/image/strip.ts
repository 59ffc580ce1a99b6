// Lossless removal of location and identity metadata. Pixels are never
// re-encoded: only container segments/chunks are dropped or replaced.
//   JPEG: EXIF APP1 replaced by a minimal EXIF holding only Orientation;
//         XMP (APP1), IPTC/Photoshop (APP13), MPF, comments, other APPn and
//         any data after EOI are dropped; JFIF APP0, ICC APP2, Adobe APP14 kept.
//   PNG:  eXIf replaced by a minimal one (Orientation only) when it had an
//         orientation other than 1; tEXt/zTXt/iTXt dropped; iCCP etc. kept.
//   WebP: EXIF (same minimal replacement) and XMP chunks dropped, VP8X flags
//         and the RIFF size fixed.
//   TIFF/HEIC/AVIF: not fixed (metadata and pixels share one structure).
// The result is checked before it replaces the file: decoded pixels (with
// orientation applied) must hash the same and no location/identity field
// may remain. The write is atomic (temp file in the same dir + rename).
import { createHash, randomBytes } from "node:crypto";
import { open, readFile, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import sharp from "sharp";

import {
  detectFormat,
  jpegAppKind,
  minimalExifTiff,
  orientationFromTiff,
  parseJpeg,
  parsePng,
  parseWebp,
  tiffFromExifPayload,
} from "./containers.js";
import { readMetadataFields } from "./metadata.js";
import type { StripResult } from "./types.js";

/** sha256 of the decoded pixels as displayed (orientation applied). */
export async function pixelHash(input: string | Buffer): Promise<string> {
  const { data, info } = await sharp(input, { failOn: "error" })
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return createHash("sha256")
    .update(`${info.width}x${info.height}x${info.channels}:`)
    .update(data)
    .digest("hex");
}

function stripJpeg(buf: Buffer, removed: string[]): Buffer {
  const { segments, eoiEnd } = parseJpeg(buf);
  const parts: Buffer[] = [];
  let exifDone = false;
  for (const s of segments) {
    const kind = jpegAppKind(buf, s);
    const isApp = (s.marker >= 0xe0 && s.marker <= 0xef) || s.marker === 0xfe;
    if (!isApp) {
      parts.push(buf.subarray(s.start, s.end));
      continue;
    }
    if (kind === "jfif" || kind === "icc" || kind === "adobe") {
      parts.push(buf.subarray(s.start, s.end));
      continue;
    }
    if (kind === "exif") {
      const orientation = orientationFromTiff(buf.subarray(s.payloadStart + 6, s.end));
      removed.push(
        orientation && orientation !== 1 ? `EXIF (kept only Orientation=${orientation})` : "EXIF",
      );
      if (orientation && orientation !== 1 && !exifDone) {
        const tiff = minimalExifTiff(orientation);
        const seg = Buffer.alloc(4 + 6 + tiff.length);
        seg.writeUInt16BE(0xffe1, 0);
        seg.writeUInt16BE(2 + 6 + tiff.length, 2);
        seg.write("Exif\0\0", 4, "latin1");
        tiff.copy(seg, 10);
        parts.push(seg);
      }
      exifDone = true;
      continue;
    }
    const label: Record<string, string> = {
      xmp: "XMP",
      "xmp-extended": "XMP (extended)",
      iptc: "IPTC/Photoshop APP13",
      mpf: "MPF APP2",
      comment: "JPEG comment",
    };
    const name = label[kind] ?? `APP${s.marker - 0xe0} segment`;
    if (!removed.includes(name)) removed.push(name);
  }
  if (eoiEnd < buf.length)
    removed.push(
      `${buf.length - eoiEnd} bytes after end of image (embedded previews/other images)`,
    );
  return Buffer.concat(parts);
}

const PNG_CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = PNG_CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function stripPng(buf: Buffer, removed: string[]): Buffer {
  const chunks = parsePng(buf);
  const parts: Buffer[] = [buf.subarray(0, 8)];
  for (const c of chunks) {
    if (c.type === "eXIf") {
      const orientation = orientationFromTiff(buf.subarray(c.dataStart, c.dataEnd));
      removed.push(
        orientation && orientation !== 1 ? `eXIf (kept only Orientation=${orientation})` : "eXIf",
      );
      if (orientation && orientation !== 1)
        parts.push(pngChunk("eXIf", minimalExifTiff(orientation)));
      continue;
    }
    if (c.type === "tEXt" || c.type === "zTXt" || c.type === "iTXt") {
      const data = buf.subarray(c.dataStart, c.dataEnd);
      const nul = data.indexOf(0);
      const kw = nul > 0 ? data.toString("latin1", 0, nul) : "?";
      removed.push(`${c.type} ${kw === "XML:com.adobe.xmp" ? "XMP" : kw}`);
      continue;
    }
    if (c.type === "tIME") {
      removed.push("tIME");
      continue;
    }
    parts.push(buf.subarray(c.start, c.end));
  }
  return Buffer.concat(parts);
}

function stripWebp(buf: Buffer, removed: string[]): Buffer {
  const chunks = parseWebp(buf);
  const parts: Buffer[] = [];
  let vp8x: Buffer | undefined;
  let keptExif = false;
  for (const c of chunks) {
    if (c.fourcc === "EXIF") {
      const orientation = orientationFromTiff(
        tiffFromExifPayload(buf.subarray(c.dataStart, c.dataEnd)),
      );
      removed.push(
        orientation && orientation !== 1 ? `EXIF (kept only Orientation=${orientation})` : "EXIF",
      );
      if (orientation && orientation !== 1) {
        const tiff = minimalExifTiff(orientation);
        const h = Buffer.alloc(8);
        h.write("EXIF", 0, "latin1");
        h.writeUInt32LE(tiff.length, 4);
        parts.push(h, tiff, Buffer.alloc(tiff.length & 1));
        keptExif = true;
      }
      continue;
    }
    if (c.fourcc === "XMP ") {
      removed.push("XMP");
      continue;
    }
    const bytes = Buffer.from(buf.subarray(c.start, c.end));
    if (c.fourcc === "VP8X") vp8x = bytes;
    parts.push(bytes);
  }
  if (vp8x) {
    let flags = vp8x[8] ?? 0;
    flags &= ~0x04; // XMP
    if (!keptExif) flags &= ~0x08; // EXIF
    vp8x[8] = flags;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(4 + body.length, 4);
  header.write("WEBP", 8, "latin1");
  return Buffer.concat([header, body]);
}

async function writeAtomic(path: string, data: Buffer): Promise<void> {
  const dir = dirname(path);
  const tmp = join(
    dir,
    `.${basename(path)}.postguard-${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  const mode = (await stat(path)).mode & 0o7777;
  const fh = await open(tmp, "wx", mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Removes location and identity metadata in place, without re-encoding.
 * Returns fixed=false with a reason when the format can't be fixed losslessly
 * or when the safety checks fail (the file is then left untouched).
 */
export async function stripMetadata(path: string): Promise<StripResult> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
  const format = detectFormat(buf);
  const removed: string[] = [];
  let out: Buffer;
  switch (format) {
    case "jpeg":
      out = stripJpeg(buf, removed);
      break;
    case "png":
      out = stripPng(buf, removed);
      break;
    case "webp":
      out = stripWebp(buf, removed);
      break;
    case "tiff":
    case "heic":
    case "avif":
      return {
        fixed: false,
        removed: [],
        reason: `${format.toUpperCase()} metadata can't be removed without re-encoding here; export a JPEG/PNG copy without location/identity metadata (or strip with exiftool) before posting`,
      };
    default:
      throw new Error(`${path}: not a supported image (unrecognised file signature)`);
  }
  if (removed.length === 0) return { fixed: true, removed: [] };
  // safety checks before replacing the file
  const [before, after] = await Promise.all([pixelHash(buf), pixelHash(out)]);
  if (before !== after)
    return {
      fixed: false,
      removed: [],
      reason: "pixel check failed after removing metadata; file left unchanged",
    };
  const left = (await readMetadataFields(out)).fields;
  if (left.length > 0) {
    return {
      fixed: false,
      removed: [],
      reason: `metadata still present after stripping (${left.map((f) => f.source).join(", ")}); file left unchanged`,
    };
  }
  await writeAtomic(path, out);
  return { fixed: true, removed };
}
