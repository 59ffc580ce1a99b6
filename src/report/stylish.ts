import { relative } from "node:path";
import { Chalk } from "chalk";
import { totals, type ReportedFile } from "./present.js";

/** ESLint's "stylish" layout: findings grouped under each file, then one summary line. */
export function stylish(
  files: readonly ReportedFile[],
  options: { color: boolean; cwd: string },
): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const file of files) {
    if (file.messages.length === 0) continue;
    out.push(chalk.underline(relative(options.cwd, file.filePath) || file.filePath));
    const rows = file.messages.map((m) => [
      m.line === undefined ? "0:0" : `${m.line}:${m.column ?? 0}`,
      m.severity === 2 ? chalk.red("error") : chalk.yellow("warning"),
      m.message +
        (m.region ? ` at ${m.region.x},${m.region.y} ${m.region.width}×${m.region.height}` : ""),
      chalk.dim(m.ruleId ?? ""),
    ]);
    const width = (i: number) => Math.max(...rows.map((r) => visibleLength(r[i]!)));
    for (const row of rows) {
      out.push(
        `  ${chalk.dim(row[0]!.padEnd(width(0)))}  ${pad(row[1]!, width(1))}  ${row[2]}  ${row[3]}`,
      );
    }
    out.push("");
  }
  const { errors, warnings } = totals(files);
  const problems = errors + warnings;
  if (problems === 0) return out.join("\n");
  const summary = `✖ ${problems} problem${problems === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`;
  out.push((errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary)) + "\n");
  return out.join("\n");
}

const ANSI = /\u001b\[[0-9;]*m/g;

function visibleLength(text: string): number {
  return text.replace(ANSI, "").length;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleLength(text)));
}
