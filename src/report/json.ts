import type { ReportedFile } from "./present.js";

/** ESLint's JSON shape: an array with one object per linted file. */
export function json(files: readonly ReportedFile[]): string {
  return JSON.stringify(files, null, 2) + "\n";
}
