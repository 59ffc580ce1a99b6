import type { Position, TextField } from "../model.js";

/** Line starts of a file's text, to turn offsets into 1-based line and column (LF, CRLF or CR). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const lineBreak = text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n");
      if (lineBreak) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** A field whose text stands unchanged in the file from `base` on. */
export function contiguousField(
  name: string,
  text: string,
  base: number,
  lines: LineIndex,
): TextField {
  return { name, text: blankDirectives(text), locate: (offset) => lines.position(base + offset) };
}

/** A field whose characters came from scattered file offsets (unescaped quotes, folded lines). */
export function mappedField(
  name: string,
  text: string,
  fileOffsets: readonly number[],
  lines: LineIndex,
): TextField {
  const last = fileOffsets.length > 0 ? fileOffsets[fileOffsets.length - 1]! + 1 : 0;
  return {
    name,
    text: blankDirectives(text),
    locate: (offset) => lines.position(fileOffsets[offset] ?? last),
  };
}

const HTML_COMMENT = /<!--[\s\S]*?-->/g;
/** A suppression comment to the end of its line: `# postguard-…`, `// postguard-…`. */
const DIRECTIVE_COMMENT = /(?:(?:#|\/\/)[ \t]*)?postguard-(?:disable|enable)[^\n]*/g;

/**
 * Comments and suppression directives are not published, so they are not linted: they are
 * blanked with spaces (line breaks kept) so every other offset stays where it was.
 */
export function blankDirectives(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, " ");
  return text.replace(HTML_COMMENT, blank).replace(DIRECTIVE_COMMENT, blank);
}
