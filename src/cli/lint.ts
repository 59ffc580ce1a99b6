import { availableParallelism } from "node:os";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { hashText, LintCache } from "../lint/cache.js";
import { collectFiles } from "../lint/files.js";
import { lintImages, type ImageUse } from "../lint/images.js";
import {
  finishFindings,
  lintText,
  readText,
  type LintSettings,
  type TextLint,
} from "../lint/lint.js";
import { CATEGORIES, type FileResult, type Finding } from "../model.js";
import { DATA_DIR } from "../paths.js";
import { format, type Format } from "../report/index.js";
import { errorsOnly, present, totals } from "../report/present.js";
import { mask } from "../rules/text.js";
import { isImageFile } from "../sources/index.js";
import { VERSION } from "../version.js";
import { setup } from "./setup.js";

export interface LintOptions {
  config?: string;
  rules: string[];
  format: Format;
  outputFile?: string;
  maxWarnings?: number;
  quiet?: boolean;
  fix?: boolean;
  showMatches?: boolean;
  images: boolean;
  cache?: boolean;
  cacheLocation: string;
  concurrency: string;
  stdinFilename?: string;
  color: boolean;
}

interface TextFile {
  filePath: string;
  text: string;
  lint: TextLint;
}

export async function lintCommand(paths: string[], options: LintOptions): Promise<void> {
  const cwd = process.cwd();
  const { config, rules, active } = setup(options, cwd);
  const knownTargets = new Set<string>([...rules.map((rule) => rule.id), ...CATEGORIES]);
  const settings: LintSettings = {
    rules: active,
    profile: { organization: config.organization, staff: config.staff, policy: config.policy },
  };
  const concurrency = parseConcurrency(options.concurrency);

  // 1. Text: every draft file (and stdin) through the text rules.
  const texts: TextFile[] = [];
  const imageFiles: string[] = [];
  const ignoredFiles: string[] = [];
  const fileArgs = paths.filter((path) => path !== "-");
  if (fileArgs.length < paths.length) {
    const filePath = resolve(cwd, options.stdinFilename ?? "<stdin>.txt");
    const text = readText(0);
    texts.push({ filePath, text, lint: lintText(filePath, text, settings) });
  }
  if (fileArgs.length > 0 || texts.length === 0) {
    const cache =
      options.cache && !options.showMatches
        ? LintCache.open(
            resolve(cwd, options.cacheLocation),
            cacheKey(config.file, [
              ...config.rulesets,
              ...options.rules.map((r) => resolve(cwd, r)),
            ]),
          )
        : undefined;
    const { files, ignored } = collectFiles(fileArgs, cwd, config.ignore, config.baseDir);
    ignoredFiles.push(...ignored);
    for (const filePath of files) {
      if (isImageFile(filePath)) {
        imageFiles.push(filePath);
        continue;
      }
      const text = readText(filePath);
      const hash = cache && hashText(text);
      let lint = hash ? cache.get(filePath, hash) : undefined;
      if (!lint) {
        lint = lintText(filePath, text, settings);
        if (hash) cache.set(filePath, hash, { ...lint, findings: lint.findings.map(maskMatch) });
      }
      texts.push({ filePath, text, lint });
    }
    cache?.save();
  }

  // 2. Pictures: found on their own, and referenced by the posts.
  const uses: ImageUse[] = texts.flatMap((t) => t.lint.images);
  const images = options.images
    ? await lintImages(imageFiles, uses, { ...settings, fix: options.fix ?? false, concurrency })
    : { byImage: new Map<string, Finding[]>(), byPost: new Map<string, Finding[]>() };

  // 3. Report.
  const results: FileResult[] = [
    ...texts.map(({ filePath, text, lint }) => ({
      filePath,
      findings: finishFindings(
        [...lint.findings, ...(images.byPost.get(filePath) ?? [])],
        text,
        knownTargets,
      ),
    })),
    ...(options.images ? imageFiles : []).map((filePath) => ({
      filePath,
      findings: images.byImage.get(filePath) ?? [],
    })),
    ...ignoredFiles.map((filePath) => ({ filePath, findings: [IGNORED_FILE] })),
  ].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  const all = present(results, options.showMatches ?? false);
  // Warnings count towards --max-warnings even when --quiet hides them.
  const { errors, warnings } = totals(all);
  const reported = options.quiet ? errorsOnly(all) : all;
  const output = format(options.format, reported, {
    cwd,
    color: useColor(options),
    rules: active.map(({ rule, severity }) => ({
      id: rule.id,
      description: rule.description,
      severity,
    })),
    version: VERSION,
  });
  if (options.outputFile) {
    try {
      writeFileSync(resolve(cwd, options.outputFile), output);
    } catch (error) {
      throw new UsageError(
        `cannot write the report (${(error as NodeJS.ErrnoException).code})`,
        options.outputFile,
      );
    }
  } else {
    process.stdout.write(output);
  }

  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  process.exitCode = errors > 0 || tooManyWarnings ? 1 : 0;
}

function parseConcurrency(value: string): number {
  if (value === "auto") return Math.max(1, Math.min(4, availableParallelism()));
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(
      `--concurrency takes a whole number of at least 1, or auto, not "${value}"`,
    );
  }
  return n;
}

const IGNORED_FILE: Finding = {
  ruleId: null,
  category: null,
  severity: 1,
  message: "File ignored because of a matching ignore pattern in the config; it was not linted.",
};

const maskMatch = (finding: Finding): Finding =>
  finding.match === undefined ? finding : { ...finding, match: mask(finding.match) };

/** What besides a file's content decides its findings: postguard, the config, the rules, the data. */
function cacheKey(configFile: string | undefined, rulesets: readonly string[]): string {
  const data = ["medical-terms.yaml", "text-model.json"].map((name) => join(DATA_DIR, name));
  const inputs = [configFile, ...rulesets, ...data].filter(
    (path): path is string => path !== undefined,
  );
  return hashText([VERSION, ...inputs.map((path) => `${path}\n${readText(path)}`)].join("\n"));
}

function useColor(options: LintOptions): boolean {
  if (!options.color || options.outputFile || options.format !== "stylish") return false;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== "0";
  return process.stdout.isTTY === true;
}
