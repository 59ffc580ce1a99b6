import type { Profile } from "../config/config.js";
import type { Finding, Post } from "../model.js";
import { conditionHolds, postFilterAccepts } from "../rules/conditions.js";
import { FieldContext } from "../rules/context.js";
import type { Match } from "../rules/matchers.js";
import { overlaps } from "../rules/text.js";
import type { ActiveRule } from "./active-rules.js";

/** Runs every active rule over every text field of one post. */
export function lintPost(post: Post, rules: readonly ActiveRule[], profile: Profile): Finding[] {
  const contexts: FieldContext[] = [];
  for (const field of post.fields) {
    contexts.push(new FieldContext(post, field, profile, () => contexts));
  }
  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    if (rule.kind === "image") continue;
    for (const ctx of contexts) {
      if (!postFilterAccepts(rule.when, ctx)) continue;
      const kept: Match[] = [];
      const excused = new Set<string>();
      for (const match of rule.matcher.find(ctx)) {
        if (kept.some((k) => overlaps(k, match))) continue;
        if (!rule.near.every((condition) => conditionHolds(ctx, match, condition))) continue;
        if (rule.unless.some((condition) => conditionHolds(ctx, match, condition))) {
          if (match.who) excused.add(match.who);
          continue;
        }
        kept.push(match);
      }
      for (const match of kept.filter((m) => !m.who || !excused.has(m.who))) {
        const start = ctx.field.locate(match.start);
        const end = ctx.field.locate(match.end - 1);
        findings.push({
          ruleId: rule.id,
          category: rule.category,
          severity,
          message: rule.message.replaceAll("{detail}", match.detail ?? ""),
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column + 1,
          match: ctx.field.text.slice(match.start, match.end),
        });
      }
    }
  }
  // The text model is a second reader: it speaks up only where no written rule of its category did.
  const modelRules = new Set(rules.filter((r) => r.rule.kind === "model").map((r) => r.rule.id));
  const byWrittenRules = new Set(
    findings.filter((f) => !modelRules.has(f.ruleId!)).map((f) => f.category),
  );
  return findings.filter((f) => !modelRules.has(f.ruleId!) || !byWrittenRules.has(f.category));
}
