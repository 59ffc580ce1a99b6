import { readFileSync } from "node:fs";
import type { Profile } from "../config/config.js";
import type { Finding } from "../model.js";
import { UsageError } from "../errors.js";
import { readPosts } from "../sources/index.js";
import type { ActiveRule } from "./active-rules.js";
import type { ImageUse } from "./images.js";
import { lintPost } from "./lint-post.js";
import { applySuppressions } from "./suppressions.js";

export interface LintSettings {
  rules: readonly ActiveRule[];
  profile: Profile;
}

/** What the text rules found in one file, before suppressions (pictures may add findings). */
export interface TextLint {
  findings: Finding[];
  /** Pictures the file's posts reference, for the image checks. */
  images: ImageUse[];
}

const PATIENT_WORD = /\bpatients?\b/i;

/** Lints one text file's content; the file's name decides its format. */
export function lintText(filePath: string, text: string, settings: LintSettings): TextLint {
  const findings: Finding[] = [];
  const images: ImageUse[] = [];
  for (const post of readPosts(filePath, text)) {
    const found = lintPost(post, settings.rules, settings.profile);
    findings.push(...found);
    const patientContext =
      found.some((f) => f.category === "phi") || post.fields.some((f) => PATIENT_WORD.test(f.text));
    for (const image of post.images) {
      images.push({ path: image.path, file: filePath, position: image.position, patientContext });
    }
  }
  return { findings, images };
}

/** A file's findings as reported: inline suppressions applied, in reading order. */
export function finishFindings(
  findings: Finding[],
  text: string,
  knownTargets: ReadonlySet<string>,
): Finding[] {
  return sortFindings(applySuppressions(findings, text, knownTargets));
}

/** A file's text, without a byte-order mark (it is not a column). `0` reads stdin. */
export function readText(filePath: string | 0): string {
  try {
    return readFileSync(filePath, "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const name = filePath === 0 ? "standard input" : filePath;
    throw new UsageError(
      `cannot read (${(error as NodeJS.ErrnoException).code}); check the path`,
      name,
    );
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.ruleId ?? "").localeCompare(b.ruleId ?? ""),
  );
}
