import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { UsageError } from "../errors.js";

/** A parsed YAML file that can say on which line each node stands, for error messages. */
export class YamlFile {
  readonly lines = new LineCounter();
  readonly root: Node | null;

  constructor(
    readonly path: string,
    text: string,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const line = this.lines.linePos(error.pos[0]).line;
      throw new UsageError(`invalid YAML: ${error.message.split("\n")[0]}`, path, line);
    }
    this.root = doc.contents as Node | null;
  }

  static read(path: string): YamlFile {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read file (${(error as NodeJS.ErrnoException).code})`, path);
    }
    return new YamlFile(path, text);
  }

  lineOf(node: Node | null | undefined): number | undefined {
    const start = node?.range?.[0];
    return start === undefined ? undefined : this.lines.linePos(start).line;
  }

  error(message: string, node?: Node | null): UsageError {
    return new UsageError(message, this.path, this.lineOf(node));
  }
}

/** The entries of a YAML mapping as [key, value node, key node]; throws when `node` is not a mapping. */
export function mapEntries(
  file: YamlFile,
  node: Node | null,
  what: string,
): [string, Node | null, Node][] {
  if (!isMap(node)) throw file.error(`${what} must be a mapping`, node);
  return node.items.map((pair) => {
    const key = pair.key as Node;
    if (!isScalar(key)) throw file.error(`${what}: keys must be plain words`, key);
    return [String(key.value), pair.value as Node | null, key];
  });
}

export function seqItems(file: YamlFile, node: Node | null, what: string): Node[] {
  if (isSeq(node)) return node.items as Node[];
  throw file.error(`${what} must be a list`, node);
}

export function scalarString(file: YamlFile, node: Node | null, what: string): string {
  if (isScalar(node) && (typeof node.value === "string" || typeof node.value === "number")) {
    return String(node.value);
  }
  throw file.error(`${what} must be a string`, node);
}

export function stringList(file: YamlFile, node: Node | null, what: string): string[] {
  if (isScalar(node) && typeof node.value === "string") return [node.value];
  return seqItems(file, node, what).map((item, i) => scalarString(file, item, `${what}[${i}]`));
}

export function scalarNumber(file: YamlFile, node: Node | null, what: string): number {
  if (isScalar(node) && typeof node.value === "number") return node.value;
  throw file.error(`${what} must be a number`, node);
}
