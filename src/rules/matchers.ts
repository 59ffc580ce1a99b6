import { compromise } from "./nlp.js";
import type { FieldContext } from "./context.js";
import type { Span } from "./text.js";

/** A span of a field's text that a matcher found, with what a detector found there. */
export interface Match extends Span {
  /** A detector's word on what it found ("SSN", "date of birth"), used in messages as {detail}. */
  detail?: string;
  /**
   * Who the match names, the same for every mention of one person ("landry" for "Captain Renée
   * Landry" and "Captain Landry's"): when `unless` excuses one mention, it excuses them all.
   */
  who?: string;
}

export interface Matcher {
  find(ctx: FieldContext): Match[];
}

/**
 * A letter or digit of the Latin scripts drafts are written in (English, Spanish, Vietnamese…),
 * with combining accents. Spelled out rather than `[\p{L}\p{N}]`: in a case-insensitive Unicode
 * regular expression a property class costs V8 about 1.5 ms to compile, and a ruleset compiles
 * some 200 of these boundaries on every run (a pre-commit hook pays that each time).
 */
const WORD_CHAR = String.raw`[0-9A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u1E00-\u1EFF]`;
const BEFORE_WORD = `(?<!${WORD_CHAR})`;
const AFTER_WORD = `(?!${WORD_CHAR})`;
/** Endings a term may take: plurals, verb forms, possessives. */
const INFLECTION = String.raw`(?:'s|s'|s|es|ed|d|ing)?`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One term as a regular expression source. Spaces and hyphens match each other, a final `*`
 * matches any ending ("vaccin*"), and with `inflect` the last word may take a plural or verb ending.
 */
function termSource(term: string, inflect: boolean): string {
  const prefix = term.endsWith("*");
  const body = prefix ? term.slice(0, -1) : term;
  const source = body
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join(String.raw`[\s\-]+`);
  if (prefix) return source + String.raw`[\p{L}\p{N}]*`;
  return /\p{L}$/u.test(body) && inflect ? source + INFLECTION : source;
}

export interface TermOptions {
  caseSensitive?: boolean;
  inflect?: boolean;
}

/** Builds one regular expression that finds any of `terms` on word boundaries. */
export function termsRegExp(terms: readonly string[], options: TermOptions = {}): RegExp {
  const sources = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => termSource(term, options.inflect ?? true));
  const flags = options.caseSensitive ? "gu" : "giu";
  return new RegExp(`${BEFORE_WORD}(?:${sources.join("|")})${AFTER_WORD}`, flags);
}

/**
 * A match may not start or end inside a word, except where the pattern's own edge is not a word
 * character ("sounds like ", "(?:free )"): then that edge is already a boundary.
 */
const PATTERN_START = `(?:${BEFORE_WORD}|(?!${WORD_CHAR}))`;
const PATTERN_END = `(?:${AFTER_WORD}|(?<!${WORD_CHAR}))`;

/** Wraps a user's regular expression in word boundaries unless told not to. */
export function patternRegExp(source: string, flags: string, wholeWords: boolean): RegExp {
  const wrapped = wholeWords ? `${PATTERN_START}(?:${source})${PATTERN_END}` : source;
  const allFlags = new Set([..."gu", ...flags]);
  return new RegExp(wrapped, [...allFlags].join(""));
}

export function regExpMatcher(regexps: readonly RegExp[]): Matcher {
  return {
    find(ctx) {
      return ctx.remember(regexps, () =>
        regexps.flatMap((re) =>
          [...ctx.text.matchAll(re)]
            .filter((m) => m[0].length > 0)
            .map((m) => ({ start: m.index, end: m.index + m[0].length })),
        ),
      );
    },
  };
}

export function nlpMatcher(patterns: readonly string[]): Matcher {
  return {
    find(ctx) {
      return ctx.remember(patterns, () =>
        patterns.flatMap((pattern) => {
          const found = ctx.doc.match(pattern).json({ offset: true }) as {
            offset: { start: number; length: number };
          }[];
          return found.map(({ offset }) => ({
            start: offset.start,
            end: offset.start + offset.length,
          }));
        }),
      );
    },
  };
}

export function unionMatcher(matchers: readonly Matcher[]): Matcher {
  if (matchers.length === 1) return matchers[0]!;
  return { find: (ctx) => matchers.flatMap((m) => m.find(ctx)) };
}

/** compromise's tag names; a pattern naming any other tag silently matches nothing. */
export function unknownNlpTags(pattern: string): string[] {
  const world = compromise().world() as { model: { one: { tagSet: Record<string, unknown> } } };
  const known = new Set(Object.keys(world.model.one.tagSet));
  const named = [...pattern.matchAll(/#([A-Za-z]+)/g)].map((m) => m[1]!);
  return named.filter((tag) => !known.has(tag));
}
