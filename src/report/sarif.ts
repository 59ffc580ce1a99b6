import { relative, sep } from "node:path";
import type { ReportedFile, RuleInfo } from "./present.js";

const level = (severity: number) => (severity === 2 ? "error" : "warning");

/** SARIF 2.1.0, the format code-scanning services read. */
export function sarif(
  files: readonly ReportedFile[],
  options: { cwd: string; rules: readonly RuleInfo[]; version: string },
): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) =>
    file.messages.map((m) => {
      const region =
        m.line === undefined
          ? undefined
          : {
              startLine: m.line,
              startColumn: m.column,
              endLine: m.endLine,
              endColumn: m.endColumn,
            };
      return {
        ...(m.ruleId ? { ruleId: m.ruleId, ruleIndex: ruleIndex.get(m.ruleId) } : {}),
        level: level(m.severity),
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: {
                uri: relative(options.cwd, file.filePath).split(sep).join("/"),
                uriBaseId: "%SRCROOT%",
              },
              ...(region ? { region } : {}),
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "postguard",
            version: options.version,
            rules: options.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              defaultConfiguration: { level: level(rule.severity) },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
