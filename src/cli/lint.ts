import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { collectFiles } from "../lint/files.js";
import { lintFile, lintText, type LintSettings } from "../lint/lint.js";
import type { FileResult } from "../model.js";
import { format, type Format } from "../report/index.js";
import { errorsOnly, present, totals } from "../report/present.js";
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
    for (const file of collectFiles(fileArgs, cwd, config.ignore, config.baseDir)) {
      results.push(lintFile(file, settings));
    }
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

function useColor(options: LintOptions): boolean {
  if (!options.color || options.outputFile || options.format !== "stylish") return false;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== "0";
  return process.stdout.isTTY === true;
}
