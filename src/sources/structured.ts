import { dirname, resolve } from "node:path";
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { ImageRef, Post, PostMeta, TextField } from "../model.js";
import { UsageError } from "../errors.js";
import { IMAGE_KEYS, normalizeKey, TEXT_KEYS } from "./fields.js";
import { LineIndex, mappedField } from "./text-field.js";

/** Length of the escape sequence at `raw[j]` (a backslash) in a double-quoted JSON/YAML string. */
function escapeLength(raw: string, j: number): number {
  const kind = raw[j + 1];
  if (kind === "u") return 6;
  if (kind === "x") return 4;
  if (kind === "U") return 10;
  return 2;
}

/**
 * Aligns a parsed string value with its raw source (quotes, escapes, indentation, folded lines),
 * giving each UTF-16 unit of the value the file offset it came from.
 */
export function alignOffsets(value: string, raw: string, rawBase: number): number[] {
  const offsets: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value[i]!;
    // Quotes, line breaks and indentation in the source stand for nothing (or for a space).
    let k = j;
    while (k < raw.length && raw[k] !== unit && /[\s"'|>+-]/.test(raw[k]!)) k++;
    if (raw[k] === unit) {
      offsets.push(rawBase + k);
      j = k + 1;
    } else if (raw[k] === "\\") {
      offsets.push(rawBase + k);
      j = k + escapeLength(raw, k);
    } else {
      offsets.push(rawBase + Math.min(j, Math.max(0, raw.length - 1)));
    }
  }
  return offsets;
}

/** A parsed YAML (or JSON) text whose nodes can be turned into fields with file positions. */
export class StructuredText {
  /** The top node: a mapping, a list, a scalar, or null for an empty text. */
  readonly root: Node | null;

  constructor(
    readonly file: string,
    /** The YAML/JSON text to parse. */
    readonly source: string,
    /** Where `source` starts in the file (front matter does not start at 0). */
    readonly base: number,
    readonly lines: LineIndex,
  ) {
    const doc = parseDocument(source, { prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const at = lines.position(base + error.pos[0]);
      throw new UsageError(`cannot parse: ${error.message.split("\n")[0]}`, file, at.line);
    }
    this.root = doc.contents as Node | null;
  }

  field(name: string, node: Node): TextField | undefined {
    if (!isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
    const [start, end] = node.range;
    const offsets = alignOffsets(node.value, this.source.slice(start, end), this.base + start);
    return mappedField(name, node.value, offsets, this.lines);
  }

  /** One post from a mapping: its text fields, context and referenced images. */
  post(map: Node, extraFields: TextField[] = []): Post {
    const post: Post = { file: this.file, fields: [], meta: {}, images: [] };
    if (!isMap(map)) return { ...post, fields: extraFields };
    for (const pair of map.items) {
      const keyNode = pair.key as Node;
      const value = pair.value as Node | null;
      if (!isScalar(keyNode) || !value) continue;
      const key = normalizeKey(String(keyNode.value));
      if (TEXT_KEYS.has(key)) {
        const field = this.field(key, value);
        if (field) post.fields.push(field);
      } else if (IMAGE_KEYS.has(key)) {
        post.images.push(...this.images(value));
      } else {
        readMeta(post.meta, key, isScalar(value) ? value.value : undefined);
      }
    }
    post.fields.push(...extraFields);
    return post;
  }

  private images(node: Node): ImageRef[] {
    const items = isSeq(node) ? (node.items as Node[]) : [node];
    return items.flatMap((item) => {
      if (!isScalar(item) || typeof item.value !== "string" || isRemote(item.value)) return [];
      const position = this.lines.position(this.base + (item.range?.[0] ?? 0));
      return [{ path: resolve(dirname(this.file), item.value), position }];
    });
  }
}

export function isRemote(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(reference);
}

/** Reads the context keys a draft may carry (front matter, JSON/YAML keys, CSV columns). */
export function readMeta(meta: PostMeta, key: string, value: unknown): void {
  if (value === undefined || value === null || value === "") return;
  if (key === "account")
    meta.account = String(value).toLowerCase() === "personal" ? "personal" : "practice";
  else if (key === "in_reply_to" || key === "reply_to") meta.inReplyTo = String(value);
  else if (key === "platform") meta.platform = String(value);
}

/** A JSON or YAML post file: one post, a list of posts, or `posts:` with a list. */
export function readStructuredFile(file: string, text: string): Post[] {
  const lines = new LineIndex(text);
  const structured = new StructuredText(file, text, 0, lines);
  const root = structured.root;
  if (root === null) return [];
  if (isSeq(root)) return (root.items as Node[]).map((item) => structured.post(item));
  if (isMap(root)) {
    const posts = root.get("posts", true) as Node | undefined;
    if (isSeq(posts)) return (posts.items as Node[]).map((item) => structured.post(item));
    return [structured.post(root)];
  }
  throw new UsageError("a post file must hold a post (a mapping) or a list of posts", file, 1);
}
