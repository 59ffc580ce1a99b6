import type { Finding } from "../model.js";

/**
 * Inline suppressions, ESLint-style, in any comment form (`<!-- … -->`, `# …`, `// …`):
 *   postguard-disable-next-line phi/patient-name -- consent on file
 *   postguard-disable-line claims
 *   postguard-disable phi/age-over-89 … postguard-enable phi/age-over-89
 * A directive names rule ids or whole categories, or nothing for every rule.
 */
interface Directive {
  line: number;
  column: number;
  targets: string[];
  /** Lines it covers, inclusive. */
  from: number;
  to: number;
  used: boolean;
  text: string;
}

const DIRECTIVE = /postguard-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

function parseTargets(rest: string): string[] {
  const list = rest.split("--")[0]!.replace(/-->.*$/, "");
  return list
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function parseDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  const open: Directive[] = [];
  const lines = text.split("\n");
  lines.forEach((lineText, index) => {
    const line = index + 1;
    for (const m of lineText.matchAll(DIRECTIVE)) {
      const [whole, kind, rest] = m;
      const targets = parseTargets(rest!);
      const base = { line, column: m.index + 1, targets, used: false, text: whole.trim() };
      if (kind === "disable-next-line") directives.push({ ...base, from: line + 1, to: line + 1 });
      else if (kind === "disable-line") directives.push({ ...base, from: line, to: line });
      else if (kind === "disable") {
        const block = { ...base, from: line, to: lines.length };
        directives.push(block);
        open.push(block);
      } else {
        for (const block of open.filter((b) => sameTargets(b.targets, targets))) {
          block.to = line;
          open.splice(open.indexOf(block), 1);
        }
      }
    }
  });
  return directives;
}

function sameTargets(a: string[], b: string[]): boolean {
  return b.length === 0 || a.join(",") === b.join(",");
}

function covers(directive: Directive, finding: Finding): boolean {
  const line = finding.line;
  if (line === undefined || line < directive.from || line > directive.to) return false;
  if (directive.targets.length === 0) return true;
  return directive.targets.some(
    (target) => target === finding.ruleId || target === finding.category,
  );
}

/** Drops suppressed findings and reports every directive that suppressed nothing. */
export function applySuppressions(findings: Finding[], text: string): Finding[] {
  const directives = parseDirectives(text);
  if (directives.length === 0) return findings;
  const kept = findings.filter((finding) => {
    const directive = directives.find((d) => covers(d, finding));
    if (directive) directive.used = true;
    return !directive;
  });
  for (const directive of directives.filter((d) => !d.used)) {
    const what = directive.targets.length ? directive.targets.join(", ") : "any rule";
    kept.push({
      ruleId: null,
      category: null,
      severity: 1,
      message: `Unused suppression: no finding of ${what} here; remove the "${directive.text.replace(/\s*-->.*$/, "")}" comment.`,
      line: directive.line,
      column: directive.column,
    });
  }
  return kept;
}
