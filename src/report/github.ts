import { relative } from "node:path";
import type { ReportedFile } from "./present.js";

const escapeData = (s: string) =>
  s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding. */
export function github(files: readonly ReportedFile[], options: { cwd: string }): string {
  const lines = files.flatMap((file) =>
    file.messages.map((m) => {
      const properties = [`file=${escapeProperty(relative(options.cwd, file.filePath))}`];
      if (m.line !== undefined) {
        properties.push(`line=${m.line}`, `col=${m.column ?? 1}`);
        if (m.endLine !== undefined)
          properties.push(`endLine=${m.endLine}`, `endColumn=${m.endColumn ?? 1}`);
      }
      properties.push(`title=${escapeProperty(m.ruleId ?? "postguard")}`);
      return `::${m.severity === 2 ? "error" : "warning"} ${properties.join(",")}::${escapeData(m.message)}`;
    }),
  );
  return lines.length ? lines.join("\n") + "\n" : "";
}
