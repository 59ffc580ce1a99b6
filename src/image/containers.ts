// Byte-level walkers for JPEG segments, PNG chunks, WebP (RIFF) chunks and
// ISO-BMFF brands. Shared by metadata.ts (reading) and strip.ts (rewriting).
import { inflateSync } from "node:zlib";

export type ImageFormat = "jpeg" | "png" | "webp" | "tiff" | "heic" | "avif" | "unknown";

export function detectFormat(buf: Buffer): ImageFormat {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "jpeg";
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0x89504e47 && buf.readUInt32BE(4) === 0x0d0a1a0a)
    return "png";
  if (
    buf.length >= 12 &&
    buf.toString("latin1", 0, 4) === "RIFF" &&
    buf.toString("latin1", 8, 12) === "WEBP"
  )
    return "webp";
  if (
    buf.length >= 4 &&
    (buf.toString("latin1", 0, 4) === "II*\0" || buf.toString("latin1", 0, 4) === "MM\0*")
  )
    return "tiff";
  if (buf.length >= 12 && buf.toString("latin1", 4, 8) === "ftyp") {
    const size = Math.min(buf.readUInt32BE(0), buf.length, 256);
    const brands: string[] = [buf.toString("latin1", 8, 12)];
    for (let o = 16; o + 4 <= size; o += 4) brands.push(buf.toString("latin1", o, o + 4));
    if (brands.some((b) => b === "avif" || b === "avis")) return "avif";
    if (
      brands.some((b) =>
        ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].includes(b),
      )
    )
      return "heic";
  }
  return "unknown";
}

// ------------------------------------------------------------------ JPEG ---

export interface JpegSegment {
  marker: number; // 0xE1 for APP1 etc.
  start: number; // offset of the 0xFF marker byte
  end: number; // offset after the segment (for SOS: after the entropy-coded data)
  payloadStart: number; // after the 2-byte length (== end for markers without length)
}

export interface JpegLayout {
  segments: JpegSegment[];
  /** Offset after the EOI marker of the primary image (== buf.length if no EOI found). */
  eoiEnd: number;
}

/** Walks a JPEG up to its first EOI. Throws on a malformed marker structure. */
export function parseJpeg(buf: Buffer): JpegLayout {
  if (!(buf[0] === 0xff && buf[1] === 0xd8)) throw new Error("not a JPEG (no SOI marker)");
  const segments: JpegSegment[] = [{ marker: 0xd8, start: 0, end: 2, payloadStart: 2 }];
  let p = 2;
  while (p < buf.length) {
    if (buf[p] !== 0xff) throw new Error(`corrupt JPEG: expected a marker at byte ${p}`);
    let q = p;
    while (q < buf.length && buf[q] === 0xff) q++; // fill bytes
    if (q >= buf.length) break;
    const marker = buf[q]!;
    const start = q - 1;
    if (marker === 0xd9) {
      segments.push({ marker, start, end: q + 1, payloadStart: q + 1 });
      return { segments, eoiEnd: q + 1 };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      segments.push({ marker, start, end: q + 1, payloadStart: q + 1 });
      p = q + 1;
      continue;
    }
    if (q + 3 > buf.length) throw new Error("corrupt JPEG: truncated segment header");
    const len = buf.readUInt16BE(q + 1);
    if (len < 2 || q + 1 + len > buf.length)
      throw new Error(`corrupt JPEG: segment 0x${marker.toString(16)} runs past end of file`);
    let end = q + 1 + len;
    if (marker === 0xda) {
      // entropy-coded data follows until the next marker that is not RSTn / stuffed 00
      let r = end;
      while (r + 1 < buf.length) {
        if (buf[r] === 0xff) {
          const n = buf[r + 1]!;
          if (n !== 0x00 && n !== 0xff && !(n >= 0xd0 && n <= 0xd7)) break;
        }
        r++;
      }
      if (r + 1 >= buf.length) throw new Error("corrupt JPEG: image data ends without EOI marker");
      end = r;
    }
    segments.push({ marker, start, end, payloadStart: q + 3 });
    p = end;
  }
  throw new Error("corrupt JPEG: no EOI marker");
}

export function jpegAppKind(buf: Buffer, s: JpegSegment): string {
  const head = buf.toString("latin1", s.payloadStart, Math.min(s.end, s.payloadStart + 40));
  if (s.marker === 0xe1 && head.startsWith("Exif\0")) return "exif";
  if (s.marker === 0xe1 && head.startsWith("http://ns.adobe.com/xap/1.0/\0")) return "xmp";
  if (s.marker === 0xe1 && head.startsWith("http://ns.adobe.com/xmp/extension/\0"))
    return "xmp-extended";
  if (s.marker === 0xe2 && head.startsWith("ICC_PROFILE\0")) return "icc";
  if (s.marker === 0xe2 && head.startsWith("MPF\0")) return "mpf";
  if (s.marker === 0xed) return "iptc"; // Photoshop IRB (IPTC-IIM lives here)
  if (s.marker === 0xe0)
    return head.startsWith("JFIF") || head.startsWith("JFXX") ? "jfif" : "app0";
  if (s.marker === 0xee && head.startsWith("Adobe")) return "adobe";
  if (s.marker === 0xfe) return "comment";
  if (s.marker >= 0xe0 && s.marker <= 0xef) return `app${s.marker - 0xe0}`;
  return "other";
}

// ------------------------------------------------------------------- PNG ---

export interface PngChunk {
  type: string;
  start: number; // offset of the length field
  end: number; // offset after CRC
  dataStart: number;
  dataEnd: number;
}

export function parsePng(buf: Buffer): PngChunk[] {
  const chunks: PngChunk[] = [];
  let p = 8;
  while (p + 12 <= buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString("latin1", p + 4, p + 8);
    const end = p + 12 + len;
    if (end > buf.length) throw new Error(`corrupt PNG: chunk ${type} runs past end of file`);
    chunks.push({ type, start: p, end, dataStart: p + 8, dataEnd: p + 8 + len });
    p = end;
    if (type === "IEND") return chunks;
  }
  throw new Error("corrupt PNG: no IEND chunk");
}

/** Text of a tEXt/zTXt/iTXt chunk: {keyword, text}. */
export function pngText(buf: Buffer, c: PngChunk): { keyword: string; text: string } | undefined {
  const data = buf.subarray(c.dataStart, c.dataEnd);
  const nul = data.indexOf(0);
  if (nul < 0) return undefined;
  const keyword = data.toString("latin1", 0, nul);
  try {
    if (c.type === "tEXt") return { keyword, text: data.toString("latin1", nul + 1) };
    if (c.type === "zTXt")
      return { keyword, text: inflateSync(data.subarray(nul + 2)).toString("latin1") };
    if (c.type === "iTXt") {
      const compressed = data[nul + 1] === 1;
      let q = nul + 3;
      const langEnd = data.indexOf(0, q);
      if (langEnd < 0) return undefined;
      const transEnd = data.indexOf(0, langEnd + 1);
      if (transEnd < 0) return undefined;
      q = transEnd + 1;
      const body = data.subarray(q);
      return { keyword, text: (compressed ? inflateSync(body) : body).toString("utf8") };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

// ------------------------------------------------------------------ WebP ---

export interface RiffChunk {
  fourcc: string;
  start: number;
  end: number; // after padding
  dataStart: number;
  dataEnd: number;
}

export function parseWebp(buf: Buffer): RiffChunk[] {
  const riffEnd = Math.min(buf.length, 8 + buf.readUInt32LE(4));
  const chunks: RiffChunk[] = [];
  let p = 12;
  while (p + 8 <= riffEnd) {
    const fourcc = buf.toString("latin1", p, p + 4);
    const len = buf.readUInt32LE(p + 4);
    const dataEnd = p + 8 + len;
    if (dataEnd > buf.length)
      throw new Error(`corrupt WebP: chunk ${fourcc} runs past end of file`);
    const end = Math.min(buf.length, dataEnd + (len & 1));
    chunks.push({ fourcc, start: p, end, dataStart: p + 8, dataEnd });
    p = end;
  }
  if (chunks.length === 0) throw new Error("corrupt WebP: no chunks");
  return chunks;
}

/** EXIF payload as a TIFF stream ("Exif\0\0" prefix removed if present). */
export function tiffFromExifPayload(b: Buffer): Buffer {
  return b.toString("latin1", 0, 6) === "Exif\0\0" ? b.subarray(6) : b;
}

// ------------------------------------------------------------------- XMP ---

/** All XMP packets found anywhere in the bytes (uncompressed), as UTF-8 text. */
export function findXmpPackets(buf: Buffer): string[] {
  const out: string[] = [];
  const openers = ["<x:xmpmeta", "<x:xapmeta"];
  for (const opener of openers) {
    let from = 0;
    for (;;) {
      const s = buf.indexOf(opener, from, "latin1");
      if (s < 0) break;
      const closer = opener.replace("<", "</") + ">";
      const e = buf.indexOf(closer, s, "latin1");
      if (e < 0) break;
      out.push(buf.toString("utf8", s, e + closer.length));
      from = e + closer.length;
    }
  }
  return out;
}

// ------------------------------------------------------------ minimal EXIF ---

/** A little-endian TIFF stream whose IFD0 holds only Orientation. */
export function minimalExifTiff(orientation: number): Buffer {
  const b = Buffer.alloc(8 + 2 + 12 + 4);
  b.write("II", 0, "latin1");
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(1, 8); // one entry
  b.writeUInt16LE(0x0112, 10); // Orientation
  b.writeUInt16LE(3, 12); // SHORT
  b.writeUInt32LE(1, 14); // count
  b.writeUInt16LE(orientation, 18); // value, left-justified
  b.writeUInt32LE(0, 22); // no next IFD
  return b;
}

/** Orientation tag (1..8) from a TIFF stream's IFD0, or undefined. */
export function orientationFromTiff(t: Buffer): number | undefined {
  if (t.length < 8) return undefined;
  const order = t.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return undefined;
  const le = order === "II";
  const u16 = (o: number): number => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number): number => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > t.length) return undefined;
  const n = u16(ifd);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > t.length) return undefined;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : undefined;
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ HEIF ---

/** Size of the largest 'ispe' (image spatial extents) box in a HEIF/AVIF file, if any. */
export function heifSize(buf: Buffer): { width: number; height: number } | undefined {
  let best: { width: number; height: number } | undefined;
  let from = 0;
  for (;;) {
    const i = buf.indexOf("ispe", from, "latin1");
    if (i < 0 || i + 16 > buf.length) break;
    const width = buf.readUInt32BE(i + 8);
    const height = buf.readUInt32BE(i + 12);
    if (width > 0 && height > 0 && (!best || width * height > best.width * best.height))
      best = { width, height };
    from = i + 4;
  }
  return best;
}
