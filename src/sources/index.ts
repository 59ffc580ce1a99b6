import { extname } from "node:path";
import type { Post } from "../model.js";
import { readCsv } from "./csv.js";
import { readMarkdown } from "./markdown.js";
import { readStructuredFile } from "./structured.js";
import { contiguousField, LineIndex } from "./text-field.js";

export const TEXT_EXTENSIONS = [".txt", ".md", ".markdown", ".csv", ".json", ".yaml", ".yml"];
export const IMAGE_EXTENSIONS = [
  ".jpg",
  ".jpeg",
  ".png",
  ".webp",
  ".heic",
  ".tif",
  ".tiff",
  ".avif",
];

export function isTextFile(path: string): boolean {
  return TEXT_EXTENSIONS.includes(extname(path).toLowerCase());
}

export function isImageFile(path: string): boolean {
  return IMAGE_EXTENSIONS.includes(extname(path).toLowerCase());
}

/** The drafts in a file's text; the file's extension decides the format. */
export function readPosts(file: string, text: string): Post[] {
  switch (extname(file).toLowerCase()) {
    case ".md":
    case ".markdown":
      return readMarkdown(file, text);
    case ".csv":
      return readCsv(file, text);
    case ".json":
    case ".yaml":
    case ".yml":
      return readStructuredFile(file, text);
    default:
      // Plain text, unless it opens with front matter (replies exported with their context).
      if (/^(?:\uFEFF)?---[ \t]*\r?\n/.test(text)) return readMarkdown(file, text);
      return [
        {
          file,
          fields: [contiguousField("body", text, 0, new LineIndex(text))],
          meta: {},
          images: [],
        },
      ];
  }
}
