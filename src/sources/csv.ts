import { dirname, resolve } from "node:path";
import type { ImageRef, Post } from "../model.js";
import { UsageError } from "../errors.js";
import { IMAGE_KEYS, normalizeKey, TEXT_KEYS } from "./fields.js";
import { isRemote, readMeta } from "./structured.js";
import { LineIndex, mappedField } from "./text-field.js";

interface Cell {
  value: string;
  /** File offset of each character of `value` (quotes and doubled quotes removed). */
  offsets: number[];
  start: number;
}

/** RFC 4180 CSV: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(file: string, text: string, lines: LineIndex): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i <= text.length) {
    const cell: Cell = { value: "", offsets: [], start: i };
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new UsageError(
            "unterminated quoted cell; close the quote or double quotes inside it",
            file,
            lines.position(cell.start).line,
          );
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') i++;
          else break;
        }
        cell.value += text[i];
        cell.offsets.push(i);
        i++;
      }
      i++;
    }
    while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
      cell.value += text[i];
      cell.offsets.push(i);
      i++;
    }
    row.push(cell);
    if (text[i] === ",") {
      i++;
      continue;
    }
    // A row ends at LF, CRLF or a lone CR (old Mac exports).
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    if (row.length > 1 || row[0]!.value !== "") rows.push(row);
    row = [];
  }
  return rows;
}

/** A bulk-schedule CSV: one post per data row; text columns are found by their header. */
export function readCsv(file: string, text: string): Post[] {
  const lines = new LineIndex(text);
  const [header, ...rows] = parseCsv(file, text, lines);
  if (!header) return [];
  const columns = header.map((cell) => normalizeKey(cell.value));
  if (!columns.some((c) => TEXT_KEYS.has(c))) {
    throw new UsageError(
      `no text column found; name one of: ${[...TEXT_KEYS].join(", ")}`,
      file,
      1,
    );
  }
  return rows.map((row) => {
    const post: Post = { file, fields: [], meta: {}, images: [] };
    row.forEach((cell, index) => {
      const column = columns[index] ?? "";
      if (TEXT_KEYS.has(column)) {
        post.fields.push(mappedField(column, cell.value, cell.offsets, lines));
      } else if (IMAGE_KEYS.has(column)) {
        post.images.push(...imageCells(file, cell, lines));
      } else {
        readMeta(post.meta, column, cell.value);
      }
    });
    return post;
  });
}

function imageCells(file: string, cell: Cell, lines: LineIndex): ImageRef[] {
  return cell.value
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter((part) => part && !isRemote(part))
    .map((part) => ({ path: resolve(dirname(file), part), position: lines.position(cell.start) }));
}
