// The shapes that flow through postguard, in order:
// files → posts (text fields with source positions) → findings → report → exit code.

export type Category = "phi" | "advice" | "contact" | "conduct" | "claims" | "image";
export const CATEGORIES: readonly Category[] = [
  "phi",
  "advice",
  "contact",
  "conduct",
  "claims",
  "image",
];

/** How a rule is configured: `off` disables it. */
export type SeverityName = "off" | "warn" | "error";
/** ESLint's numbers: 1 warning, 2 error. */
export type SeverityLevel = 1 | 2;

export interface Position {
  line: number;
  column: number;
}

/** One piece of text to lint, with a map back to where each character sits in the file. */
export interface TextField {
  /** `body`, a front-matter key such as `caption`, or a CSV column such as `first_comment`. */
  name: string;
  text: string;
  /** 1-based line and column in the original file of the character at `offset` in `text`. */
  locate(offset: number): Position;
}

export interface PostMeta {
  account?: "practice" | "personal";
  /** Set when the draft replies to a review or a comment. */
  inReplyTo?: string;
  platform?: string;
}

/** A reference from a post to a local image file. */
export interface ImageRef {
  /** Absolute path. */
  path: string;
  /** Where the reference stands in the post's file. */
  position: Position;
}

/** One draft. A CSV bulk file holds many; every other source holds one. */
export interface Post {
  file: string;
  fields: TextField[];
  meta: PostMeta;
  images: ImageRef[];
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Finding {
  /** null for postguard's own notes, such as an unused suppression (as ESLint does). */
  ruleId: string | null;
  category: Category | null;
  severity: SeverityLevel;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The matched text, unmasked; reports mask it unless asked not to. */
  match?: string;
  region?: Region;
}

export interface FileResult {
  filePath: string;
  findings: Finding[];
}
