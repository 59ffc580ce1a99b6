import { loadConfig, type Config } from "../config/config.js";
import { activeRules, allRules, loadRulesets, type ActiveRule } from "../lint/active-rules.js";
import type { Rule } from "../rules/ruleset.js";

export interface Setup {
  config: Config;
  rules: Rule[];
  active: ActiveRule[];
}

/** Config, rulesets and the active rules, as every command that reads rules needs them. */
export function setup(options: { config?: string; rules?: string[] }, cwd = process.cwd()): Setup {
  const config = loadConfig(options.config, cwd);
  const rules = allRules(loadRulesets(config, options.rules ?? []));
  return { config, rules, active: activeRules(rules, config) };
}
