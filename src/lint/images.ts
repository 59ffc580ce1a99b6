// Image checks in the lint flow: pictures found in folders and pictures that posts reference.
// src/image does the looking (metadata, faces, OCR); this module turns its reports into findings
// of the image/… rules, runs the phi rules on text read in a picture, and applies --fix.
import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { Profile } from "../config/config.js";
import type { Finding, Position, Post, Region } from "../model.js";
import type { ImageCheck } from "../rules/ruleset.js";
import { contiguousField, LineIndex } from "../sources/text-field.js";
import type { ActiveRule } from "./active-rules.js";
import { lintPost } from "./lint-post.js";

/** A picture a post points to, with what the post says around it. */
export interface ImageUse {
  path: string;
  /** The post file and where the reference stands in it. */
  file: string;
  position: Position;
  /** The post's text places the picture in a patient context: faces there are errors. */
  patientContext: boolean;
}

export interface ImageSettings {
  rules: readonly ActiveRule[];
  profile: Profile;
  fix: boolean;
  concurrency: number;
}

type ImageApi = typeof import("../image/index.js");

/** Loaded on first use: sharp, onnxruntime and tesseract cost nothing to a text-only run. */
let api: Promise<ImageApi> | undefined;
const imageApi = () => (api ??= import("../image/index.js"));

function rulesByCheck(rules: readonly ActiveRule[]): Map<ImageCheck, ActiveRule> {
  return new Map(
    rules.flatMap((active) => (active.rule.imageCheck ? [[active.rule.imageCheck, active]] : [])),
  );
}

/** Findings for one picture, without a position (the caller places them). */
async function inspect(
  path: string,
  settings: ImageSettings,
  checks: Map<ImageCheck, ActiveRule>,
): Promise<Finding[]> {
  const { inspectImage, stripMetadata } = await imageApi();
  const report = await inspectImage(path, { faces: checks.has("face"), ocr: checks.has("text") });
  const findings: Finding[] = [];

  let stripped = false;
  const hasMetadata = report.findings.some((f) => f.ruleId !== "image/face");
  if (settings.fix && hasMetadata) stripped = (await stripMetadata(path)).fixed;

  // One finding per face (each has its box); one per metadata rule, listing every field found.
  const byCheck = new Map<ImageCheck, typeof report.findings>();
  for (const found of report.findings) {
    const check = found.ruleId.split("/")[1] as ImageCheck;
    byCheck.set(check, [...(byCheck.get(check) ?? []), found]);
  }
  for (const [check, found] of byCheck) {
    const active = checks.get(check);
    if (!active || (stripped && check !== "face")) continue;
    const base = { ruleId: active.rule.id, category: "image" as const, severity: active.severity };
    if (check === "face") {
      for (const face of found) {
        findings.push({
          ...base,
          message: `${basename(path)}: ${face.message}`,
          ...(face.region ? { region: face.region } : {}),
        });
      }
      continue;
    }
    const what = found.map((f) => f.message.split(";")[0]).join(", ");
    const action = found[0]!.message.split(";")[1]?.trim() ?? "";
    const values = found.flatMap((f) => (f.match === undefined ? [] : [f.match]));
    findings.push({
      ...base,
      message: `${basename(path)}: ${what}; ${action}`,
      ...(values.length ? { match: [...new Set(values)].join(" | ") } : {}),
    });
  }
  const textRule = checks.get("text");
  if (textRule && report.ocr?.length) {
    findings.push(...readableText(path, report.ocr, textRule, settings));
  }
  for (const reason of report.notChecked ?? []) {
    findings.push({
      ruleId: null,
      category: null,
      severity: 1,
      message: `${basename(path)}: not checked: ${reason}`,
    });
  }
  return findings;
}

/** The phi rules, run on each line of text read in the picture. */
function readableText(
  path: string,
  lines: { text: string; region: Region }[],
  textRule: ActiveRule,
  settings: ImageSettings,
): Finding[] {
  const phiRules = settings.rules.filter((a) => a.rule.category === "phi");
  const text = lines.map((line) => line.text).join("\n");
  const post: Post = {
    file: path,
    fields: [contiguousField("image text", text, 0, new LineIndex(text))],
    meta: {},
    images: [],
  };
  return lintPost(post, phiRules, settings.profile).map((finding) => ({
    ruleId: textRule.rule.id,
    category: "image",
    severity: textRule.severity,
    message: `${basename(path)}: text in the picture: ${finding.message}`,
    ...(finding.match === undefined ? {} : { match: finding.match }),
    ...regionOfLine(lines, (finding.line ?? 1) - 1),
  }));
}

function regionOfLine(lines: { region: Region }[], index: number): { region?: Region } {
  const line = lines[index];
  return line ? { region: line.region } : {};
}

/** Runs `work` over `items` with at most `limit` at once, keeping the order of results. */
async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface ImageResults {
  /** Findings of pictures linted as files of their own, by picture path. */
  byImage: Map<string, Finding[]>;
  /** Findings of referenced pictures, placed at the reference, by post file. */
  byPost: Map<string, Finding[]>;
}

/**
 * Checks every picture once, whether it was found on its own or referenced by posts, and
 * reports a referenced picture's findings in the post that uses it. A missing picture is a
 * finding of the `missing` check, not a crash; an unreadable one is reported the same way.
 */
export async function lintImages(
  imageFiles: readonly string[],
  uses: readonly ImageUse[],
  settings: ImageSettings,
): Promise<ImageResults> {
  const checks = rulesByCheck(settings.rules);
  const paths = [
    ...new Set([...imageFiles, ...uses.map((u) => u.path).filter((p) => existsSync(p))]),
  ];
  const reports = new Map<string, Finding[]>();
  try {
    const found = await pool(paths, settings.concurrency, (path) =>
      inspect(path, settings, checks).catch((error: Error) => unreadable(error, checks)),
    );
    paths.forEach((path, i) => reports.set(path, found[i]!));
  } finally {
    if (paths.length > 0) await (await imageApi()).closeImageChecks();
  }

  // A face in a picture whose post speaks of a patient is an error, not a warning.
  const byPost = new Map<string, Finding[]>();
  for (const use of uses) {
    const placed = (reports.get(use.path) ?? missing(use, checks)).map((finding) => ({
      ...finding,
      line: use.position.line,
      column: use.position.column,
      severity:
        finding.ruleId === checks.get("face")?.rule.id && use.patientContext ? 2 : finding.severity,
    }));
    byPost.set(use.file, [...(byPost.get(use.file) ?? []), ...placed]);
  }
  return { byImage: new Map(imageFiles.map((path) => [path, reports.get(path) ?? []])), byPost };
}

function missing(use: ImageUse, checks: Map<ImageCheck, ActiveRule>): Finding[] {
  const active = checks.get("missing");
  if (!active) return [];
  return [
    {
      ruleId: active.rule.id,
      category: "image",
      severity: active.severity,
      message: `${basename(use.path)}: the referenced image does not exist; fix the path or remove the reference.`,
    },
  ];
}

function unreadable(error: Error, checks: Map<ImageCheck, ActiveRule>): Finding[] {
  const active = checks.get("missing");
  return [
    {
      ruleId: active?.rule.id ?? null,
      category: active ? "image" : null,
      severity: active?.severity ?? 1,
      message: `${error.message.split("\n")[0]}; the picture could not be checked.`,
    },
  ];
}
