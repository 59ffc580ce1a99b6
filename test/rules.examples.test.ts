// Every rule of the built-in ruleset carries at least two invalid and two valid examples;
// each one runs here through the real ruleset loader and linter.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../src/config/config.js";
import { exampleFindsRule, imageExampleFindsRule } from "../src/rules/examples.js";
import { loadRuleset } from "../src/rules/ruleset.js";
import { ROOT } from "./helpers/cli.js";

const ruleset = loadRuleset(join(ROOT, "rules.default.yaml"));
const profile = ruleset.profile ?? defaultConfig("");

describe.each(ruleset.rules.map((rule) => [rule.id, rule] as const))("%s", (_id, rule) => {
  it("has at least two invalid and two valid examples", () => {
    expect(rule.examples.invalid.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.valid.length).toBeGreaterThanOrEqual(2);
  });

  const finds = (example: (typeof rule.examples.valid)[number]) =>
    rule.kind === "image"
      ? imageExampleFindsRule(rule, example, ruleset, profile)
      : exampleFindsRule(rule, example, profile);

  it.each(rule.examples.invalid.map((e) => [e.text, e] as const))(
    "flags: %s",
    async (_text, example) => {
      expect(await finds(example)).toBe(true);
    },
  );

  it.each(rule.examples.valid.map((e) => [e.text, e] as const))(
    "passes: %s",
    async (_text, example) => {
      expect(await finds(example)).toBe(false);
    },
  );
});

it("covers every text category of the policy", () => {
  const categories = new Set(ruleset.rules.map((rule) => rule.category));
  for (const category of ["phi", "advice", "contact", "conduct", "claims", "image"]) {
    expect(categories).toContain(category);
  }
});
