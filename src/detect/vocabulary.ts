import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import type { Matcher } from "../rules/matchers.js";
import { termsMatcher } from "../rules/terms.js";

/**
 * The medical vocabulary (data/medical-terms.yaml): conditions, procedures, body parts,
 * medications and care words, each a list of lower-case terms. Read once, on first use, from the
 * JSON copy that `npm run build` makes (scripts/build-vocabulary.mjs).
 */
let sections: Map<string, string[]> | undefined;

function load(): Map<string, string[]> {
  if (!sections) {
    const raw = JSON.parse(
      readFileSync(join(PACKAGE_ROOT, "dist", "medical-terms.json"), "utf8"),
    ) as Record<string, string[]>;
    sections = new Map(Object.entries(raw));
  }
  return sections;
}

export function vocabularySections(): string[] {
  return [...load().keys()];
}

export function vocabularyTerms(names: readonly string[]): string[] {
  return names.flatMap((name) => load().get(name) ?? []);
}

const matchers = new Map<string, Matcher>();

/** A matcher for the terms of some sections, built once per combination. */
export function vocabularyMatcher(names: readonly string[]): Matcher {
  const key = [...names].sort().join(",");
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = termsMatcher(vocabularyTerms(names));
    matchers.set(key, matcher);
  }
  return matcher;
}
