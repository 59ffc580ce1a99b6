import type { Profile } from "../config/config.js";
import type { Post, TextField } from "../model.js";
import { compromise, type NlpDoc } from "./nlp.js";
import { normalizeQuotes, sentences, spanIndexAt, words, type Span } from "./text.js";

/** One text field of one post, with its geometry and parse computed once and shared by all rules. */
export class FieldContext {
  readonly text: string;
  private cachedWords?: Span[];
  private cachedSentences?: Span[];
  private cachedDoc?: NlpDoc;
  /** Results of matchers already run on this field, so shared conditions run once. */
  readonly memo = new Map<object, unknown>();

  constructor(
    readonly post: Post,
    readonly field: TextField,
    readonly profile: Profile,
    /** Every field of the post, this one included, for post-wide conditions. */
    readonly siblings: () => FieldContext[],
  ) {
    this.text = normalizeQuotes(field.text);
  }

  get words(): Span[] {
    return (this.cachedWords ??= words(this.text));
  }

  get sentences(): Span[] {
    return (this.cachedSentences ??= sentences(this.text));
  }

  get doc(): NlpDoc {
    return (this.cachedDoc ??= compromise()(this.text));
  }

  wordIndexAt(offset: number): number {
    return spanIndexAt(this.words, offset);
  }

  sentenceAt(offset: number): Span {
    return (
      this.sentences[Math.max(0, spanIndexAt(this.sentences, offset))] ?? {
        start: 0,
        end: this.text.length,
      }
    );
  }

  /** Runs `compute` once per field for a given key object. */
  remember<T>(key: object, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}
