import type { Config } from "../config/config.js";
import type { SeverityLevel } from "../model.js";
import { UsageError } from "../errors.js";
import { loadRuleset, type Rule, type Ruleset } from "../rules/ruleset.js";

export interface ActiveRule {
  rule: Rule;
  severity: SeverityLevel;
}

/** Every rule the rulesets define, later rulesets replacing earlier rules of the same id. */
export function allRules(rulesets: readonly Ruleset[]): Rule[] {
  const byId = new Map<string, Rule>();
  for (const ruleset of rulesets) for (const rule of ruleset.rules) byId.set(rule.id, rule);
  return [...byId.values()];
}

export function loadRulesets(config: Config, extra: readonly string[] = []): Ruleset[] {
  return [...config.rulesets, ...extra].map(loadRuleset);
}

/** The rules that are on, at the severity the config gives them. */
export function activeRules(rules: readonly Rule[], config: Config): ActiveRule[] {
  const known = new Set(rules.map((rule) => rule.id));
  for (const [id, { line }] of config.ruleSeverities) {
    if (!known.has(id)) {
      throw new UsageError(
        `rules: unknown rule id "${id}"; \`postguard rules\` lists the ids`,
        config.file,
        line,
      );
    }
  }
  return rules.flatMap((rule) => {
    const severity = config.ruleSeverities.get(rule.id)?.severity ?? rule.severity;
    if (severity === "off") return [];
    return [{ rule, severity: severity === "error" ? 2 : 1 } as ActiveRule];
  });
}
