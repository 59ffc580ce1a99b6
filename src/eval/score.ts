import type { Category, Finding } from "../model.js";

export interface Verdict {
  id: string;
  expected: Set<Category>;
  found: Set<Category>;
  findings: Finding[];
}

const ratio = (n: number, d: number) => (d === 0 ? "  -  " : (n / d).toFixed(3));

/** Per-category precision, recall and F1 over drafts, then every miss and false alarm. */
export function scoreTable(
  verdicts: readonly Verdict[],
  categories: readonly Category[],
): string[] {
  const lines = ["category   drafts   TP   FP   FN   precision  recall  F1"];
  const errors: string[] = [];
  for (const category of categories) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const v of verdicts) {
      const expected = v.expected.has(category);
      const found = v.found.has(category);
      if (expected && found) tp++;
      else if (found) {
        fp++;
        const rules = v.findings.filter((f) => f.category === category).map((f) => f.ruleId);
        errors.push(
          `  false alarm  ${category.padEnd(8)} ${v.id}  (${[...new Set(rules)].join(", ")})`,
        );
      } else if (expected) {
        fn++;
        errors.push(`  miss         ${category.padEnd(8)} ${v.id}`);
      }
    }
    const precision = tp + fp === 0 ? undefined : tp / (tp + fp);
    const recall = tp + fn === 0 ? undefined : tp / (tp + fn);
    const f1 =
      precision === undefined || recall === undefined || precision + recall === 0
        ? "  -  "
        : ((2 * precision * recall) / (precision + recall)).toFixed(3);
    lines.push(
      `${category.padEnd(10)} ${String(tp + fn).padStart(6)} ${String(tp).padStart(4)} ${String(fp).padStart(4)} ${String(fn).padStart(4)}   ${ratio(tp, tp + fp).padStart(9)}  ${ratio(tp, tp + fn).padStart(6)}  ${f1}`,
    );
  }
  const clean = verdicts.filter((v) => v.expected.size === 0);
  const quiet = clean.filter((v) => v.found.size === 0).length;
  lines.push(`clean drafts with no finding: ${quiet}/${clean.length}`);
  return [...lines, ...errors.sort()];
}
