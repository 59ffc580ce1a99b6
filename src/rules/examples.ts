import { dirname, resolve } from "node:path";
import { defaultConfig, type Profile } from "../config/config.js";
import type { Post } from "../model.js";
import { lintImages } from "../lint/images.js";
import { lintPost } from "../lint/lint-post.js";
import { contiguousField, LineIndex } from "../sources/text-field.js";
import type { Example, Rule, Ruleset } from "./ruleset.js";

export interface ExampleFailure {
  rule: Rule;
  example: Example;
  expected: "invalid" | "valid";
}

export function examplePost(example: Example): Post {
  return {
    file: "<example>",
    fields: [contiguousField("body", example.text, 0, new LineIndex(example.text))],
    meta: {
      ...(example.reply ? { inReplyTo: "example" } : {}),
      ...(example.account ? { account: example.account } : {}),
    },
    images: [],
  };
}

export function exampleFindsRule(rule: Rule, example: Example, profile: Profile): boolean {
  return lintPost(examplePost(example), [{ rule, severity: 2 }], profile).length > 0;
}

/**
 * An image rule's example is a picture path (relative to the ruleset), checked as a picture a
 * post references. The text check also needs the ruleset's phi rules.
 */
export async function imageExampleFindsRule(
  rule: Rule,
  example: Example,
  ruleset: Ruleset,
  profile: Profile,
): Promise<boolean> {
  const path = resolve(dirname(ruleset.file), example.text);
  const phi = ruleset.rules.filter((r) => r.category === "phi");
  const rules = [rule, ...(rule.imageCheck === "text" ? phi : [])].map((r) => ({
    rule: r,
    severity: 2 as const,
  }));
  const use = { path, file: "<example>", position: { line: 1, column: 1 }, patientContext: false };
  const { byPost } = await lintImages([], [use], { rules, profile, fix: false, concurrency: 1 });
  return (byPost.get("<example>") ?? []).some((finding) => finding.ruleId === rule.id);
}

/** Runs every rule's embedded examples: invalid ones must be found, valid ones must not. */
export async function checkExamples(ruleset: Ruleset): Promise<ExampleFailure[]> {
  const profile = ruleset.profile ?? defaultConfig("");
  const failures: ExampleFailure[] = [];
  for (const rule of ruleset.rules) {
    for (const expected of ["invalid", "valid"] as const) {
      for (const example of rule.examples[expected]) {
        const found =
          rule.kind === "image"
            ? await imageExampleFindsRule(rule, example, ruleset, profile)
            : exampleFindsRule(rule, example, profile);
        if (found !== (expected === "invalid")) failures.push({ rule, example, expected });
      }
    }
  }
  return failures;
}
