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

export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
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
