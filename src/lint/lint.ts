import { readFileSync } from "node:fs";
import type { Profile } from "../config/config.js";
import type { FileResult, Finding } from "../model.js";
import { UsageError } from "../errors.js";
import { readPosts } from "../sources/index.js";
import type { ActiveRule } from "./active-rules.js";
import { lintPost } from "./lint-post.js";
import { applySuppressions } from "./suppressions.js";

export interface LintSettings {
  rules: readonly ActiveRule[];
  profile: Profile;
}

/** Lints one text file's content; `nameForType` picks the format (stdin's --stdin-filename). */
export function lintText(
  filePath: string,
  text: string,
  settings: LintSettings,
  nameForType = filePath,
): FileResult {
  const posts = readPosts(filePath, text, nameForType);
  const findings = posts.flatMap((post) => lintPost(post, settings.rules, settings.profile));
  return { filePath, findings: sortFindings(applySuppressions(findings, text)) };
}

export function readText(filePath: string): string {
  try {
    return readFileSync(filePath, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read file (${(error as NodeJS.ErrnoException).code})`, filePath);
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
