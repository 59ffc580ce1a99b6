import type { FileResult, Finding, SeverityLevel } from "../model.js";
import { mask } from "../rules/text.js";

/** A finding as reports show it: message filled in, match masked unless asked otherwise. */
export type ReportedMessage = Finding;

/** One linted file: ESLint's result shape, as `--format json` prints it. */
export interface ReportedFile {
  filePath: string;
  messages: ReportedMessage[];
  errorCount: number;
  warningCount: number;
}

/** Rule facts formatters may need (SARIF's rule table, HTML help). */
export interface RuleInfo {
  id: string;
  description: string;
  severity: SeverityLevel;
}

export function present(results: readonly FileResult[], showMatches: boolean): ReportedFile[] {
  return results.map(({ filePath, findings }) => {
    const messages = findings.map(({ match, ...finding }): ReportedMessage => {
      const shown = match === undefined ? undefined : showMatches ? match : mask(match);
      return {
        ...finding,
        message: finding.message.replaceAll("{match}", shown ?? ""),
        ...(shown === undefined ? {} : { match: shown }),
      };
    });
    return {
      filePath,
      messages,
      errorCount: messages.filter((m) => m.severity === 2).length,
      warningCount: messages.filter((m) => m.severity === 1).length,
    };
  });
}

/** `--quiet`: errors only. */
export function errorsOnly(files: readonly ReportedFile[]): ReportedFile[] {
  return files.map((file) => ({
    ...file,
    messages: file.messages.filter((m) => m.severity === 2),
    warningCount: 0,
  }));
}

export function totals(files: readonly ReportedFile[]): { errors: number; warnings: number } {
  return files.reduce(
    (sum, file) => ({
      errors: sum.errors + file.errorCount,
      warnings: sum.warnings + file.warningCount,
    }),
    { errors: 0, warnings: 0 },
  );
}
