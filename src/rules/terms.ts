// Term lists matched word by word through a lookup table, so that a vocabulary of thousands of
// terms costs one pass over the text's words instead of one huge alternation per position.
import type { FieldContext } from "./context.js";
import {
  regExpMatcher,
  termsRegExp,
  type Match,
  type Matcher,
  type TermOptions,
} from "./matchers.js";
import type { Span } from "./text.js";

/** Word pieces: hyphens and spaces separate pieces, so "follow-up" and "follow up" are alike. */
const PIECE = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;
/** Endings the last piece of a term may take (plurals, verb forms, possessives). */
const ENDINGS = ["'s", "s'", "s", "es", "ed", "d", "ing"];
/** A term the table can hold: letters, digits, spaces, hyphens and apostrophes only. */
const SIMPLE_TERM = /^[\p{L}\p{N}' -]+$/u;

/** Memo keys for a field's pieces, one per case mode. */
const EXACT_PIECES = {};
const FOLDED_PIECES = {};

interface Piece extends Span {
  key: string;
}

/** E-mail addresses and links: "care@brightlinecare.example" holds no word of prose. */
const ADDRESS =
  /[^\s@]+@[^\s@]+\.[^\s@]+|\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w-]+\.(?:com|org|net|example|health|care)\/\S*/gi;

function pieces(text: string, caseSensitive: boolean): Piece[] {
  const addresses = [...text.matchAll(ADDRESS)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  return [...text.matchAll(PIECE)]
    .filter((m) => !addresses.some((a) => m.index >= a.start && m.index < a.end))
    .map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      key: caseSensitive ? m[0] : m[0].toLowerCase(),
    }));
}

/** The piece itself, and what it is without each ending it may carry. */
function stems(key: string): string[] {
  return [
    key,
    ...ENDINGS.filter((e) => key.length > e.length + 2 && key.endsWith(e)).map((e) =>
      key.slice(0, -e.length),
    ),
  ];
}

export function termsMatcher(terms: readonly string[], options: TermOptions = {}): Matcher {
  const caseSensitive = options.caseSensitive ?? false;
  const inflect = options.inflect ?? true;
  const simple = terms.filter((t) => SIMPLE_TERM.test(t.trim()));
  const complex = terms.filter((t) => !SIMPLE_TERM.test(t.trim()));

  /** First piece → every term (as pieces) that starts with it. */
  const table = new Map<string, string[][]>();
  for (const term of simple) {
    const parts = pieces(term.trim(), caseSensitive).map((p) => p.key);
    if (parts.length === 0) continue;
    const list = table.get(parts[0]!) ?? [];
    list.push(parts);
    table.set(parts[0]!, list);
  }
  const fallback = complex.length > 0 ? regExpMatcher([termsRegExp(complex, options)]) : undefined;
  const cacheKey = {};

  return {
    find(ctx: FieldContext): Match[] {
      return ctx.remember(cacheKey, () => {
        const words = ctx.remember(caseSensitive ? EXACT_PIECES : FOLDED_PIECES, () =>
          pieces(ctx.text, caseSensitive),
        );
        const found: Match[] = [];
        for (let i = 0; i < words.length; i++) {
          const first = words[i]!;
          const candidates = new Set([
            ...(table.get(first.key) ?? []),
            ...(inflect
              ? stems(first.key).flatMap((s) => (table.get(s) ?? []).filter((t) => t.length === 1))
              : []),
          ]);
          let best: Match | undefined;
          for (const term of candidates) {
            const end = matchFrom(ctx.text, words, i, term, inflect);
            if (end !== undefined && (!best || end > best.end)) best = { start: first.start, end };
          }
          if (best) found.push(best);
        }
        return fallback ? [...found, ...fallback.find(ctx)] : found;
      });
    },
  };
}

/** Where `term` ends when it starts at word `i`, or undefined when it does not match there. */
function matchFrom(
  text: string,
  words: Piece[],
  i: number,
  term: string[],
  inflect: boolean,
): number | undefined {
  for (let k = 0; k < term.length; k++) {
    const word = words[i + k];
    if (!word) return undefined;
    if (k > 0 && !/^[\s-]+$/.test(text.slice(words[i + k - 1]!.end, word.start))) return undefined;
    const last = k === term.length - 1;
    const same = word.key === term[k] || (last && inflect && stems(word.key).includes(term[k]!));
    if (!same) return undefined;
  }
  return words[i + term.length - 1]!.end;
}
