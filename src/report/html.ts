import { relative } from "node:path";
import { totals, type ReportedFile } from "./present.js";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A self-contained HTML page (no scripts, no external assets) for staff who prefer a browser. */
export function html(files: readonly ReportedFile[], options: { cwd: string }): string {
  const { errors, warnings } = totals(files);
  const sections = files
    .filter((file) => file.messages.length > 0)
    .map((file) => {
      const rows = file.messages
        .map(
          (m) => `<tr class="${m.severity === 2 ? "error" : "warning"}">
<td>${m.line === undefined ? "file" : `${m.line}:${m.column ?? 0}`}</td>
<td>${m.severity === 2 ? "error" : "warning"}</td>
<td>${escapeHtml(m.message)}</td>
<td><code>${escapeHtml(m.ruleId ?? "")}</code></td></tr>`,
        )
        .join("\n");
      return `<section><h2>${escapeHtml(relative(options.cwd, file.filePath))}</h2>
<table><thead><tr><th>Where</th><th>Severity</th><th>Finding</th><th>Rule</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>postguard report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%;margin-bottom:2rem}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
tr.error td:nth-child(2){color:#b00020;font-weight:600}
tr.warning td:nth-child(2){color:#8a5a00;font-weight:600}
h2{font-size:1rem;font-family:ui-monospace,monospace}
.summary{font-size:1.1rem;margin-bottom:1.5rem}
</style></head><body>
<h1>postguard report</h1>
<p class="summary">${files.length} file${files.length === 1 ? "" : "s"} checked: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.</p>
${sections || "<p>No problems found.</p>"}
</body></html>
`;
}
