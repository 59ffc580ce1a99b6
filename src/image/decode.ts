import sharp from "sharp";

import type { ImageFormat } from "./containers.js";
import type { RgbImage } from "./face.js";

type HeicDecode = (input: {
  buffer: Uint8Array;
}) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;

let heicDecoder: Promise<HeicDecode | undefined> | undefined;

/**
 * Optional HEIC decoder: the `heic-decode` package (libheif-js WASM, LGPL-3.0).
 * sharp's prebuilt libvips has no HEVC decoder. When the package is not
 * installed, HEIC pixels are reported as not checked.
 */
function loadHeicDecoder(): Promise<HeicDecode | undefined> {
  if (!heicDecoder) {
    const name = "heic-decode"; // not a static import: the dependency is optional
    heicDecoder = import(name).then(
      (m: { default?: unknown }) =>
        typeof m.default === "function" ? (m.default as HeicDecode) : undefined,
      () => undefined,
    );
  }
  return heicDecoder;
}

/** Decode to 8-bit RGB with EXIF orientation applied (the image as displayed). */
export async function decodeRgb(input: Buffer, format?: ImageFormat): Promise<RgbImage> {
  if (format === "heic") {
    const decode = await loadHeicDecoder();
    if (!decode)
      throw new Error(
        "HEIC pixels not decodable: sharp's prebuilt libvips has no HEVC decoder and the optional 'heic-decode' package is not installed",
      );
    const r = await decode({ buffer: input }); // RGBA, HEIF transforms (irot/imir) applied
    const data = await sharp(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), {
      raw: { width: r.width, height: r.height, channels: 4 },
    })
      .removeAlpha()
      .raw()
      .toBuffer();
    return { data, width: r.width, height: r.height };
  }
  const { data, info } = await sharp(input, { failOn: "error", limitInputPixels: 200_000_000 })
    .rotate() // honour EXIF Orientation
    .removeAlpha()
    .toColourspace("srgb")
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
  return { data, width: info.width, height: info.height };
}
