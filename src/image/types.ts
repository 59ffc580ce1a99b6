export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ImageRuleId = "image/face" | "image/location" | "image/metadata";

export interface ImageFinding {
  ruleId: ImageRuleId;
  /** Says what was found and what to do. */
  message: string;
  /** The found value (the caller masks it), e.g. a name or "41.88, -87.63". */
  match?: string;
  /** Faces only: box in pixels of the image as displayed (EXIF orientation applied). */
  region?: Region;
  /** Faces only: detector confidence 0..1. */
  score?: number;
}

export interface OcrLine {
  text: string;
  region: Region;
  confidence: number;
  words?: Array<{ text: string; region: Region; confidence: number }>;
}

export interface ImageReport {
  path: string;
  /** Size as displayed (after EXIF orientation). 0 when pixels could not be decoded. */
  width: number;
  height: number;
  findings: ImageFinding[];
  ocr?: OcrLine[];
  /** Checks that could not run, with the reason, e.g. "faces: HEIC pixels not decodable". */
  notChecked?: string[];
}

export interface InspectOptions {
  faces: boolean;
  ocr: boolean;
}

export interface StripResult {
  fixed: boolean;
  removed: string[];
  reason?: string;
}
