import { defaultConfig, type Profile } from "../config/config.js";
import type { Post } from "../model.js";
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

/** Runs every rule's embedded examples: invalid ones must be found, valid ones must not. */
export function checkExamples(ruleset: Ruleset): ExampleFailure[] {
  const profile = ruleset.profile ?? defaultConfig("");
  return ruleset.rules.flatMap((rule) => [
    ...rule.examples.invalid
      .filter((example) => !exampleFindsRule(rule, example, profile))
      .map((example) => ({ rule, example, expected: "invalid" as const })),
    ...rule.examples.valid
      .filter((example) => exampleFindsRule(rule, example, profile))
      .map((example) => ({ rule, example, expected: "valid" as const })),
  ]);
}
