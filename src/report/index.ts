import { github } from "./github.js";
import { html } from "./html.js";
import { json } from "./json.js";
import type { ReportedFile, RuleInfo } from "./present.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";

export const FORMATS = ["stylish", "json", "sarif", "github", "html"] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  cwd: string;
  color: boolean;
  rules: readonly RuleInfo[];
  version: string;
}

export function format(
  name: Format,
  files: readonly ReportedFile[],
  context: FormatContext,
): string {
  switch (name) {
    case "json":
      return json(files);
    case "sarif":
      return sarif(files, context);
    case "github":
      return github(files, context);
    case "html":
      return html(files, context);
    case "stylish":
      return stylish(files, context);
  }
}
