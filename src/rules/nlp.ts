import { createRequire } from "node:module";
import type nlpType from "compromise";

export type Nlp = typeof nlpType;
export type NlpDoc = ReturnType<Nlp>;

let loaded: Nlp | undefined;

/**
 * compromise, loaded on first use: it takes about a third of a second to load, which a
 * pre-commit run should only pay when a ruleset has `nlp` rules.
 */
export function compromise(): Nlp {
  loaded ??= createRequire(import.meta.url)("compromise") as Nlp;
  return loaded;
}
