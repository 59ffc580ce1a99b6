import type { Category, Finding } from "../model.js";

export interface Verdict {
  id: string;
  expected: Set<Category>;
  found: Set<Category>;
  findings: Finding[];
}

/** The categories of a draft's findings (postguard's own notes have none). */
export const categoriesOf = (findings: readonly Finding[]) =>
  new Set(findings.flatMap((finding) => (finding.category ? [finding.category] : [])));

export const TABLE_HEADER = "category   drafts   TP   FP   FN   precision  recall  F1";

const ratio = (n: number, d: number) => (d === 0 ? "  -  " : (n / d).toFixed(3));

/** One row of the table: precision, recall and F1 of `category` over drafts. */
export function scoreRow(
  verdicts: readonly Verdict[],
  category: Category,
  label: string = category,
): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const v of verdicts) {
    const expected = v.expected.has(category);
    const found = v.found.has(category);
    if (expected && found) tp++;
    else if (found) fp++;
    else if (expected) fn++;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = tp === 0 ? "  -  " : ((2 * precision * recall) / (precision + recall)).toFixed(3);
  return `${label.padEnd(10)} ${String(tp + fn).padStart(6)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}   ${ratio(tp, tp + fp).padStart(9)}  ${ratio(tp, tp + fn).padStart(6)}  ${f1}`;
}

/** How many clean drafts stay clean, overall and in the categories other than phi. */
export function cleanLine(verdicts: readonly Verdict[], categories: readonly Category[]): string {
  const clean = verdicts.filter((v) => v.expected.size === 0);
  const quiet = clean.filter((v) => v.found.size === 0).length;
  const others = categories.filter((c) => c !== "phi");
  const quietOthers = clean.filter((v) => !others.some((c) => v.found.has(c))).length;
  return `clean drafts with no finding: ${quiet}/${clean.length}; with none in ${others.join("/")}: ${quietOthers}/${clean.length}`;
}

/** Every miss and false alarm, with the rules that raised the false alarms. */
export function errorLines(
  verdicts: readonly Verdict[],
  categories: readonly Category[],
): string[] {
  const lines: string[] = [];
  for (const category of categories) {
    for (const v of verdicts) {
      const expected = v.expected.has(category);
      const found = v.found.has(category);
      if (found && !expected) {
        const rules = new Set(
          v.findings.filter((f) => f.category === category).map((f) => f.ruleId),
        );
        lines.push(`  false alarm  ${category.padEnd(8)} ${v.id}  (${[...rules].join(", ")})`);
      } else if (expected && !found) {
        lines.push(`  miss         ${category.padEnd(8)} ${v.id}`);
      }
    }
  }
  return lines.sort();
}
