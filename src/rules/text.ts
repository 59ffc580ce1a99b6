// Word and sentence geometry of a text, for `near`/`unless` scopes and detectors.

export interface Span {
  start: number;
  end: number;
}

/** Words, @handles, #hashtags and numbers (with inner apostrophes, hyphens, dots and slashes). */
const WORD = /@[\p{L}\p{N}_.]*[\p{L}\p{N}_]|[#]?[\p{L}\p{N}]+(?:['’.\-\/:][\p{L}\p{N}]+)*/gu;

/**
 * Sentence ends: terminal punctuation followed by space, or a line break.
 * An emoji alone does not end a sentence ("Congrats Maria 🎉 on your recovery").
 */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)|\n/g;

export function words(text: string): Span[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A dot after these does not end a sentence: "Dr. Okafor", "Michael J. Fox", "St. Landry". */
const INITIAL_BEFORE = /(?:^|[^\p{L}'’])\p{Lu}$/u;
const ABBREVIATION_BEFORE =
  /(?:^|[^\p{L}'’])(?:dr|mr|mrs|ms|mx|st|mt|ft|jr|sr|vs|no|ext|dept|approx)$/iu;

/** True when a match of SENTENCE_END is not really the end of a sentence. */
function continuesSentence(text: string, start: number, m: RegExpMatchArray): boolean {
  if (m[0] === "\n") return false;
  const before = text.slice(start, m.index);
  if (m[0] === "." && (INITIAL_BEFORE.test(before) || ABBREVIATION_BEFORE.test(before))) {
    return true;
  }
  // "(and which drops you're on!)": an aside in brackets belongs to its sentence.
  const open = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
  return open > 0;
}

export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (continuesSentence(text, start, m)) continue;
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}

/** Index of the span containing `offset`, or of the nearest one before it (-1 when none). */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Replaces typographic quotes with ASCII ones, keeping every offset. */
export function normalizeQuotes(text: string): string {
  return text.replace(/[’‘ʼ]/g, "'").replace(/[“”]/g, '"');
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Keeps the first character of each word and stars the rest: "Maria Lopez" → "M**** L****". */
export function mask(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const chars = [...word];
    return chars[0] + "*".repeat(chars.length - 1);
  });
}
