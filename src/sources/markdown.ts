import { dirname, resolve } from "node:path";
import type { ImageRef, Post } from "../model.js";
import { isRemote, StructuredText } from "./structured.js";
import { contiguousField, LineIndex } from "./text-field.js";

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const IMAGE_LINK = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** A Markdown draft: the body and the text fields of its YAML front matter. */
export function readMarkdown(file: string, text: string): Post[] {
  const lines = new LineIndex(text);
  const front = FRONT_MATTER.exec(text);
  const bodyStart = front ? front[0].length : 0;
  const body = contiguousField("body", text.slice(bodyStart), bodyStart, lines);

  let post: Post = { file, fields: [body], meta: {}, images: [] };
  if (front) {
    const yamlStart = front[0].indexOf(front[1]!);
    const structured = new StructuredText(file, front[1]!, yamlStart, lines);
    if (structured.root) post = structured.post(structured.root, [body]);
  }
  post.images.push(...imageLinks(file, text, bodyStart, lines));
  return [post];
}

function imageLinks(file: string, text: string, from: number, lines: LineIndex): ImageRef[] {
  return [...text.matchAll(IMAGE_LINK)]
    .filter((m) => m.index >= from && !isRemote(m[1]!))
    .map((m) => ({
      path: resolve(dirname(file), decodeLink(m[1]!)),
      position: lines.position(m.index),
    }));
}

/** "my%20photo.jpg" → "my photo.jpg"; a link that is not valid percent-encoding is taken as written. */
function decodeLink(link: string): string {
  try {
    return decodeURI(link);
  } catch {
    return link;
  }
}
