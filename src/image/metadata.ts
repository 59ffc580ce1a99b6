// Location and identity metadata: EXIF/GPS and IPTC via exifr (JPEG, PNG,
// TIFF, HEIC, AVIF; WebP's EXIF chunk is handed to exifr as a TIFF stream),
// XMP via a small regex parser over every XMP packet found in the bytes
// (works for JPEG, PNG, WebP, TIFF, HEIC, AVIF alike), PNG text chunks and
// JPEG comments by walking the container.
import exifr from "exifr";

import {
  detectFormat,
  findXmpPackets,
  jpegAppKind,
  parseJpeg,
  parsePng,
  parseWebp,
  pngText,
  tiffFromExifPayload,
  type ImageFormat,
} from "./containers.js";
import type { ImageFinding } from "./types.js";

export interface MetadataField {
  rule: "image/location" | "image/metadata";
  /** Where it was found, e.g. "EXIF GPS", "XMP photoshop:City", "IPTC By-line". */
  source: string;
  /** What kind of value: gps, place, person, creator, owner, serial, description. */
  kind: "gps" | "place" | "person" | "creator" | "owner" | "serial" | "description";
  value: string;
}

type Dict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

function toText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") {
    // eslint-disable-next-line no-control-regex
    const s = v.replace(/\u0000+$/g, "").trim();
    return s === "" ? undefined : s;
  }
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === "number")) return undefined; // raw numbers, not text
    const parts = v.map(toText).filter((x): x is string => !!x);
    return parts.length ? parts.join(", ") : undefined;
  }
  if (v instanceof Uint8Array) {
    // Windows XP* tags are UCS-2; UserComment has an 8-byte charset prefix
    const b = Buffer.from(v);
    const head = b.toString("latin1", 0, 8);
    if (head.startsWith("ASCII") || head.startsWith("UNICODE") || head === "\0\0\0\0\0\0\0\0") {
      const body = b.subarray(8);
      return toText(head.startsWith("UNICODE") ? body.toString("utf16le") : body.toString("utf8"));
    }
    return toText(b.toString("utf16le"));
  }
  return undefined;
}

const fmtCoord = (n: number): string => (Math.round(n * 1e4) / 1e4).toFixed(4);

// ----------------------------------------------------------------- EXIF ---

const EXIF_FIELDS: Array<{ keys: string[]; source: string; kind: MetadataField["kind"] }> = [
  { keys: ["Artist"], source: "EXIF Artist", kind: "creator" },
  { keys: ["XPAuthor"], source: "EXIF XPAuthor", kind: "creator" },
  { keys: ["OwnerName", "CameraOwnerName"], source: "EXIF CameraOwnerName", kind: "owner" },
  { keys: ["SerialNumber", "BodySerialNumber"], source: "EXIF BodySerialNumber", kind: "serial" },
  {
    keys: ["InternalSerialNumber", "CameraSerialNumber"],
    source: "EXIF camera serial number",
    kind: "serial",
  },
  { keys: ["LensSerialNumber"], source: "EXIF LensSerialNumber", kind: "serial" },
  { keys: ["ImageDescription"], source: "EXIF ImageDescription", kind: "description" },
  { keys: ["XPComment"], source: "EXIF XPComment", kind: "description" },
  { keys: ["XPSubject"], source: "EXIF XPSubject", kind: "description" },
  { keys: ["XPTitle"], source: "EXIF XPTitle", kind: "description" },
  { keys: ["XPKeywords"], source: "EXIF XPKeywords", kind: "description" },
  { keys: ["UserComment"], source: "EXIF UserComment", kind: "description" },
];

const IPTC_FIELDS: Array<{
  key: string;
  source: string;
  rule: MetadataField["rule"];
  kind: MetadataField["kind"];
}> = [
  { key: "City", source: "IPTC City", rule: "image/location", kind: "place" },
  { key: "Sublocation", source: "IPTC Sub-location", rule: "image/location", kind: "place" },
  { key: "State", source: "IPTC Province-State", rule: "image/location", kind: "place" },
  { key: "Country", source: "IPTC Country", rule: "image/location", kind: "place" },
  { key: "CountryCode", source: "IPTC Country code", rule: "image/location", kind: "place" },
  {
    key: "ContentLocationName",
    source: "IPTC Content location",
    rule: "image/location",
    kind: "place",
  },
  { key: "Byline", source: "IPTC By-line", rule: "image/metadata", kind: "creator" },
  { key: "Writer", source: "IPTC Writer/Editor", rule: "image/metadata", kind: "creator" },
  { key: "Contact", source: "IPTC Contact", rule: "image/metadata", kind: "creator" },
  { key: "Caption", source: "IPTC Caption-Abstract", rule: "image/metadata", kind: "description" },
  { key: "Headline", source: "IPTC Headline", rule: "image/metadata", kind: "description" },
  { key: "Keywords", source: "IPTC Keywords", rule: "image/metadata", kind: "description" },
  { key: "ObjectName", source: "IPTC Object name", rule: "image/metadata", kind: "description" },
];

function fromExifr(parsed: unknown, out: MetadataField[]): void {
  if (!isDict(parsed)) return;
  const ifd0 = isDict(parsed["ifd0"]) ? parsed["ifd0"] : {};
  const exif = isDict(parsed["exif"]) ? parsed["exif"] : {};
  const gps = isDict(parsed["gps"]) ? parsed["gps"] : undefined;
  const iptc = isDict(parsed["iptc"]) ? parsed["iptc"] : undefined;
  const tags: Dict = { ...ifd0, ...exif };
  for (const f of EXIF_FIELDS) {
    for (const k of f.keys) {
      const v = toText(tags[k]);
      if (v) {
        out.push({ rule: "image/metadata", source: f.source, kind: f.kind, value: v });
        break;
      }
    }
  }
  if (gps) {
    const lat = gps["latitude"];
    const lon = gps["longitude"];
    if (
      typeof lat === "number" &&
      typeof lon === "number" &&
      Number.isFinite(lat) &&
      Number.isFinite(lon)
    ) {
      out.push({
        rule: "image/location",
        source: "EXIF GPS",
        kind: "gps",
        value: `${fmtCoord(lat)}, ${fmtCoord(lon)}`,
      });
    } else {
      const area = toText(gps["GPSAreaInformation"]);
      if (area)
        out.push({
          rule: "image/location",
          source: "EXIF GPSAreaInformation",
          kind: "place",
          value: area,
        });
      else if (gps["GPSLatitude"] !== undefined || gps["GPSLongitude"] !== undefined)
        out.push({
          rule: "image/location",
          source: "EXIF GPS",
          kind: "gps",
          value: "partial GPS position",
        });
    }
  }
  if (iptc) {
    for (const f of IPTC_FIELDS) {
      const v = toText(iptc[f.key]);
      if (v) out.push({ rule: f.rule, source: f.source, kind: f.kind, value: v });
    }
  }
}

// ------------------------------------------------------------------ XMP ---

const XMP_FIELDS: Array<{
  name: RegExp;
  source: string;
  rule: MetadataField["rule"];
  kind: MetadataField["kind"];
}> = [
  // location
  {
    name: /^(?:photoshop|Iptc4xmpExt):City$/,
    source: "XMP City",
    rule: "image/location",
    kind: "place",
  },
  {
    name: /^(?:photoshop):State$|^Iptc4xmpExt:ProvinceState$/,
    source: "XMP State",
    rule: "image/location",
    kind: "place",
  },
  {
    name: /^(?:photoshop):Country$|^Iptc4xmpExt:CountryName$/,
    source: "XMP Country",
    rule: "image/location",
    kind: "place",
  },
  {
    name: /^Iptc4xmpCore:CountryCode$|^Iptc4xmpExt:CountryCode$/,
    source: "XMP CountryCode",
    rule: "image/location",
    kind: "place",
  },
  {
    name: /^Iptc4xmpCore:Location$/,
    source: "XMP Iptc4xmpCore:Location",
    rule: "image/location",
    kind: "place",
  },
  {
    name: /^Iptc4xmpExt:Sublocation$/,
    source: "XMP Sublocation",
    rule: "image/location",
    kind: "place",
  },
  {
    name: /^Iptc4xmpExt:LocationName$/,
    source: "XMP LocationName",
    rule: "image/location",
    kind: "place",
  },
  {
    name: /^[\w.-]+:GPSAreaInformation$/,
    source: "XMP GPSAreaInformation",
    rule: "image/location",
    kind: "place",
  },
  // people
  {
    name: /^mwg-rs:Name$/,
    source: "XMP face region name (mwg-rs:Name)",
    rule: "image/metadata",
    kind: "person",
  },
  {
    name: /^[\w.-]+:PersonDisplayName$/,
    source: "XMP face region name (MPReg:PersonDisplayName)",
    rule: "image/metadata",
    kind: "person",
  },
  {
    name: /^Iptc4xmpExt:PersonInImage$/,
    source: "XMP Iptc4xmpExt:PersonInImage",
    rule: "image/metadata",
    kind: "person",
  },
  {
    name: /^Iptc4xmpExt:PersonName$/,
    source: "XMP Iptc4xmpExt:PersonName",
    rule: "image/metadata",
    kind: "person",
  },
  { name: /^dc:creator$/, source: "XMP dc:creator", rule: "image/metadata", kind: "creator" },
  { name: /^tiff:Artist$/, source: "XMP tiff:Artist", rule: "image/metadata", kind: "creator" },
  {
    name: /^photoshop:CaptionWriter$/,
    source: "XMP photoshop:CaptionWriter",
    rule: "image/metadata",
    kind: "creator",
  },
  {
    name: /^(?:exifEX|aux):(?:Camera)?OwnerName$/,
    source: "XMP OwnerName",
    rule: "image/metadata",
    kind: "owner",
  },
  {
    name: /^(?:exifEX:BodySerialNumber|aux:SerialNumber)$/,
    source: "XMP BodySerialNumber",
    rule: "image/metadata",
    kind: "serial",
  },
  {
    name: /^(?:exifEX|aux):LensSerialNumber$/,
    source: "XMP LensSerialNumber",
    rule: "image/metadata",
    kind: "serial",
  },
  {
    name: /^dc:description$/,
    source: "XMP dc:description",
    rule: "image/metadata",
    kind: "description",
  },
  { name: /^dc:title$/, source: "XMP dc:title", rule: "image/metadata", kind: "description" },
  {
    name: /^dc:subject$/,
    source: "XMP dc:subject (keywords)",
    rule: "image/metadata",
    kind: "description",
  },
  {
    name: /^photoshop:Headline$/,
    source: "XMP photoshop:Headline",
    rule: "image/metadata",
    kind: "description",
  },
  {
    name: /^exif:UserComment$/,
    source: "XMP exif:UserComment",
    rule: "image/metadata",
    kind: "description",
  },
  {
    name: /^tiff:ImageDescription$/,
    source: "XMP tiff:ImageDescription",
    rule: "image/metadata",
    kind: "description",
  },
];

const decodeXml = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** XMP GPS coordinate "DDD,MM.mmk" / "DDD,MM,SSk" / decimal -> signed decimal degrees. */
export function parseXmpCoord(s: string): number | undefined {
  const m = /^\s*(-?\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])?\s*$/i.exec(
    s,
  );
  if (!m) return undefined;
  let v = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  if (m[4] && /[SW]/i.test(m[4])) v = -v;
  return Number.isFinite(v) ? v : undefined;
}

/** Every (qualified name, text value) in one XMP packet: simple elements, rdf:li items and attributes. */
export function xmpProperties(xmp: string): Array<{ name: string; value: string }> {
  const res: Array<{ name: string; value: string }> = [];
  // attributes:  prefix:Local="value"
  for (const m of xmp.matchAll(/\s([\w.-]+:[\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!;
    if (
      name.startsWith("xmlns:") ||
      name.startsWith("rdf:") ||
      name.startsWith("xml:") ||
      name.startsWith("stArea:") ||
      name.startsWith("stDim:")
    )
      continue;
    res.push({ name, value: decodeXml(m[2] ?? m[3] ?? "") });
  }
  // elements:  <prefix:Local ...>inner</prefix:Local>  (every opening tag, so nested ones count too)
  for (const m of xmp.matchAll(/<([\w.-]+:[\w.-]+)(\s[^>]*)?(\/?)>/g)) {
    const name = m[1]!;
    if (m[3] === "/" || name.startsWith("rdf:") || name.startsWith("x:")) continue;
    const from = (m.index ?? 0) + m[0].length;
    const close = xmp.indexOf(`</${name}>`, from);
    if (close < 0) continue;
    const inner = xmp.slice(from, close);
    if (inner.includes("<rdf:li")) {
      for (const li of inner.matchAll(/<rdf:li(?:\s[^>]*)?>([^<]*)<\/rdf:li>/g)) {
        const v = decodeXml(li[1] ?? "").trim();
        if (v) res.push({ name, value: v });
      }
    } else if (!inner.includes("<")) {
      const v = decodeXml(inner).trim();
      if (v) res.push({ name, value: v });
    }
  }
  return res;
}

function fromXmp(xmp: string, out: MetadataField[]): void {
  const props = xmpProperties(xmp);
  let lat: number | undefined;
  let lon: number | undefined;
  for (const { name, value } of props) {
    if (!value.trim()) continue;
    const local = name.slice(name.indexOf(":") + 1);
    if (local === "GPSLatitude") lat = parseXmpCoord(value);
    else if (local === "GPSLongitude") lon = parseXmpCoord(value);
    for (const f of XMP_FIELDS) {
      if (f.name.test(name)) {
        out.push({ rule: f.rule, source: f.source, kind: f.kind, value: value.trim() });
        break;
      }
    }
  }
  if (lat !== undefined && lon !== undefined) {
    out.push({
      rule: "image/location",
      source: "XMP exif:GPSLatitude/GPSLongitude",
      kind: "gps",
      value: `${fmtCoord(lat)}, ${fmtCoord(lon)}`,
    });
  } else if (lat !== undefined || lon !== undefined) {
    out.push({
      rule: "image/location",
      source: "XMP GPS",
      kind: "gps",
      value: "partial GPS position",
    });
  }
}

// ------------------------------------------------------------- reading ---

const EXIFR_OPTIONS = {
  tiff: true,
  ifd0: true,
  exif: true,
  gps: true,
  interop: false,
  ifd1: false,
  makerNote: false,
  userComment: true,
  xmp: false, // parsed below, uniformly for every container
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
  mergeOutput: false,
  translateKeys: true,
  translateValues: false,
  reviveValues: true,
  sanitize: true,
  silentErrors: true,
  chunked: false,
} as const;

async function exifrParse(input: Buffer): Promise<unknown> {
  try {
    return await exifr.parse(input, EXIFR_OPTIONS as unknown as Parameters<typeof exifr.parse>[1]);
  } catch {
    return undefined;
  }
}

/** Extracts all location/identity fields from the file bytes. */
export async function readMetadataFields(
  buf: Buffer,
): Promise<{ format: ImageFormat; fields: MetadataField[] }> {
  const format = detectFormat(buf);
  const out: MetadataField[] = [];
  if (format === "webp") {
    for (const c of parseWebp(buf)) {
      if (c.fourcc === "EXIF")
        fromExifr(await exifrParse(tiffFromExifPayload(buf.subarray(c.dataStart, c.dataEnd))), out);
    }
  } else if (format !== "unknown") {
    fromExifr(await exifrParse(buf), out);
  }
  if (format === "png") {
    for (const c of parsePng(buf)) {
      if (c.type !== "tEXt" && c.type !== "zTXt" && c.type !== "iTXt") continue;
      const t = pngText(buf, c);
      if (!t) continue;
      if (t.keyword === "XML:com.adobe.xmp") {
        fromXmp(t.text, out);
        continue;
      }
      if (/^Raw profile type/i.test(t.keyword)) continue; // hex-encoded EXIF/IPTC blobs, exifr covers eXIf
      const kw = t.keyword.toLowerCase();
      const value = t.text.trim();
      if (!value) continue;
      if (kw === "author" || kw === "artist")
        out.push({
          rule: "image/metadata",
          source: `PNG text ${t.keyword}`,
          kind: "creator",
          value,
        });
      else if (["description", "comment", "title", "caption", "keywords", "subject"].includes(kw))
        out.push({
          rule: "image/metadata",
          source: `PNG text ${t.keyword}`,
          kind: "description",
          value,
        });
    }
  } else {
    for (const x of findXmpPackets(buf)) fromXmp(x, out);
  }
  if (format === "jpeg") {
    try {
      const layout = parseJpeg(buf);
      for (const s of layout.segments) {
        if (jpegAppKind(buf, s) === "comment") {
          const v = buf.toString("utf8", s.payloadStart, s.end).replace(/\0+$/, "").trim();
          if (v)
            out.push({
              rule: "image/metadata",
              source: "JPEG comment",
              kind: "description",
              value: v,
            });
        }
      }
    } catch {
      // structure errors are reported by the pixel decoder
    }
  }
  // drop exact duplicates (same source + value, e.g. two XMP packets)
  const seen = new Set<string>();
  const fields = out.filter((f) => {
    const k = `${f.source}\u0000${f.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { format, fields };
}

const KIND_TEXT: Record<MetadataField["kind"], string> = {
  gps: "GPS coordinates",
  place: "place name",
  person: "name of a person shown",
  creator: "photographer/author name",
  owner: "camera owner name",
  serial: "device serial number",
  description: "description/caption/keywords (may carry a name)",
};

export function fieldToFinding(f: MetadataField): ImageFinding {
  const what = KIND_TEXT[f.kind];
  const action =
    f.rule === "image/location"
      ? "run postguard --fix or strip location metadata before posting"
      : "run postguard --fix or strip identity metadata before posting";
  return { ruleId: f.rule, message: `${what} in ${f.source}; ${action}`, match: f.value };
}
