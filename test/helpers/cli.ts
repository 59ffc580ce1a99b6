import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { ReportedFile } from "../../src/report/present.js";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = join(ROOT, "bin", "postguard.js");
export const FIXTURES = join(ROOT, "fixtures");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in `cwd`, with colours off unless the test sets them. */
export function postguard(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder with the given files (paths relative to it). */
export function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "postguard-test-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** What `--format json` prints: ESLint's shape, as the reports build it. */
export type JsonResult = ReportedFile;

export function lintJson(args: string[], options: Parameters<typeof postguard>[1] = {}) {
  const result = postguard([...args, "-f", "json"], options);
  return { ...result, results: JSON.parse(result.stdout || "[]") as JsonResult[] };
}

export const PRACTICE_CONFIG = `organization:
  name: Cedar Hill Family Health
  aliases: [Cedar Hill]
  handles: ["@cedarhillhealth"]
  phones: ["(555) 014-3000"]
  emails: [frontdesk@cedarhill.example]
  websites: [cedarhill.example]
  addresses: ["48 Linden St, Fairview, OH 43001"]
staff: [Helen Marsh, Rafael Ortiz]
`;

/**
 * A ruleset file with one rule: its id and severity, placeholder texts, then `options` (the kind
 * and the rest of the rule, each line indented by four spaces).
 */
export function oneRuleRuleset(id: string, options: string, severity = "warn"): string {
  return `rules:
  - id: ${id}
    severity: ${severity}
    description: d
    message: m
    rationale: r
    source: s
    fix: f
${options}`;
}
