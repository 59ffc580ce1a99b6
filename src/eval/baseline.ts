// The baseline for phi: redact-pii (an npm PII redactor), run offline with its built-in
// patterns. A draft counts as phi for it when it redacts anything at all.
import { createRequire } from "node:module";
import type { Post } from "../model.js";

interface Redactor {
  redact(text: string): string;
}

let redactor: Redactor | undefined;

function load(): Redactor {
  const { SyncRedactor } = createRequire(import.meta.url)("redact-pii") as {
    SyncRedactor: new () => Redactor;
  };
  return (redactor ??= new SyncRedactor());
}

export function redactPiiFlags(posts: readonly Post[]): boolean {
  const r = load();
  return posts.some((post) => post.fields.some((field) => r.redact(field.text) !== field.text));
}
