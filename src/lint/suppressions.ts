import type { Finding } from "../model.js";

/**
 * Inline suppressions, ESLint-style, in any comment form (`<!-- … -->`, `# …`, `// …`):
 *   postguard-disable-next-line phi/patient-name -- consent on file
 *   postguard-disable-line claims
 *   postguard-disable phi/age-over-89 … postguard-enable phi/age-over-89
 * A directive names rule ids or whole categories, or nothing for every rule. As in ESLint,
 * `postguard-enable X` turns X back on inside any open block, whatever else the block named.
 */
interface Directive {
  line: number;
  column: number;
  kind: string;
  /** Rule ids or categories; empty for every rule. */
  targets: string[];
  /** First line covered. */
  from: number;
  /** Last line covered for every target (the block's end, or the end of the file). */
  to: number;
  /** Lines where a target was enabled again, within this directive's span. */
  enabledFrom: Map<string, number>;
  used: boolean;
}

const DIRECTIVE = /postguard-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

/** "phi/x, claims -- reason -->" → ["phi/x", "claims"]: the reason and comment end are not targets. */
function parseTargets(rest: string): string[] {
  return rest
    .replace(/-->.*$/, "")
    .split(/\s--\s|\s--$/)[0]!
    .split(/[\s,]+/)
    .filter(Boolean);
}

const matches = (target: string, finding: Finding) =>
  target === finding.ruleId || target === finding.category;

export function parseDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const open: Directive[] = [];
  lines.forEach((lineText, index) => {
    const line = index + 1;
    for (const m of lineText.matchAll(DIRECTIVE)) {
      const kind = m[1]!;
      const targets = parseTargets(m[2]!);
      if (kind === "enable") {
        for (const block of open) {
          for (const target of targets.length ? targets : [""]) {
            if (!block.enabledFrom.has(target)) block.enabledFrom.set(target, line);
          }
        }
        if (targets.length === 0) open.length = 0;
        continue;
      }
      const from = kind === "disable-next-line" ? line + 1 : line;
      const to = kind === "disable" ? lines.length : from;
      const directive = {
        line,
        column: m.index + 1,
        kind,
        targets,
        from,
        to,
        enabledFrom: new Map(),
        used: false,
      };
      directives.push(directive);
      if (kind === "disable") open.push(directive);
    }
  });
  return directives;
}

function covers(directive: Directive, finding: Finding): boolean {
  const line = finding.line;
  if (line === undefined || line < directive.from || line > directive.to) return false;
  if (directive.targets.length > 0 && !directive.targets.some((t) => matches(t, finding)))
    return false;
  // Enabled again before this line, for every rule or for this one?
  for (const [target, enabledAt] of directive.enabledFrom) {
    if (line >= enabledAt && (target === "" || matches(target, finding))) return false;
  }
  return true;
}

/**
 * Drops suppressed findings and reports every directive that suppressed nothing, and every
 * directive that names a rule or category that does not exist.
 */
export function applySuppressions(
  findings: Finding[],
  text: string,
  known: ReadonlySet<string>,
): Finding[] {
  const directives = parseDirectives(text);
  if (directives.length === 0) return findings;
  const kept = findings.filter((finding) => {
    const directive = directives.find((d) => covers(d, finding));
    if (directive) directive.used = true;
    return !directive;
  });
  for (const directive of directives) {
    const unknown = directive.targets.filter((t) => !known.has(t));
    const where = {
      ruleId: null,
      category: null,
      severity: 1 as const,
      line: directive.line,
      column: directive.column,
    };
    if (unknown.length > 0) {
      kept.push({
        ...where,
        message: `Suppression names an unknown rule or category: ${unknown.join(", ")}.`,
      });
    } else if (!directive.used) {
      const what = directive.targets.length ? directive.targets.join(", ") : "any rule";
      kept.push({
        ...where,
        message: `Unused suppression: no finding of ${what} here; remove the postguard-${directive.kind} comment.`,
      });
    }
  }
  return kept;
}
