import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.js";
import { collectFiles } from "../lint/files.js";
import { hashText, LintCache } from "../lint/cache.js";
import { lintText, readText, type LintSettings } from "../lint/lint.js";
import { isImageFile } from "../sources/index.js";
import type { FileResult, Finding } from "../model.js";
import { DATA_DIR } from "../paths.js";
import { format, type Format } from "../report/index.js";
import { errorsOnly, mask, present, totals } from "../report/present.js";
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

export async function lintCommand(paths: string[], options: LintOptions): Promise<void> {
  const cwd = process.cwd();
  const { config, rules, active } = setup(options, cwd);
  const settings: LintSettings = {
    rules: active,
    profile: { organization: config.organization, staff: config.staff, policy: config.policy },
  };

  const results: FileResult[] = [];
  const fileArgs = paths.filter((path) => path !== "-");
  if (fileArgs.length < paths.length) {
    const name = resolve(cwd, options.stdinFilename ?? "<stdin>.txt");
    results.push(lintText(name, readFileSync(0, "utf8"), settings));
  }
  if (fileArgs.length > 0 || results.length === 0) {
    const files = collectFiles(fileArgs, cwd, config.ignore, config.baseDir);
    const cache =
      options.cache && !options.showMatches
        ? LintCache.open(
            resolve(cwd, options.cacheLocation),
            cacheKey(config.file, config.rulesets),
          )
        : undefined;
    for (const file of files) {
      if (isImageFile(file)) {
        results.push({ filePath: file, findings: [] });
        continue;
      }
      const text = readText(file);
      const hash = cache && hashText(text);
      const cached = hash ? cache.get(file, hash) : undefined;
      const result = cached ? { filePath: file, findings: cached } : lintText(file, text, settings);
      if (hash && !cached) cache.set(file, hash, result.findings.map(maskMatch));
      results.push(result);
    }
    cache?.save();
  }

  let reported = present(results, options.showMatches ?? false);
  if (options.quiet) reported = errorsOnly(reported);
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

  const { errors, warnings } = totals(reported);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  process.exitCode = errors > 0 || tooManyWarnings ? 1 : 0;
}

const maskMatch = (finding: Finding): Finding =>
  finding.match === undefined ? finding : { ...finding, match: mask(finding.match) };

/** What besides a file's content decides its findings: postguard, the config and the rules. */
function cacheKey(configFile: string | undefined, rulesets: readonly string[]): string {
  const inputs = [configFile, ...rulesets, join(DATA_DIR, "medical-terms.yaml")].filter(
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
