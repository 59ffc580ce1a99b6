// A statistical second reader: per category, a logistic regression over the words and word pairs
// of a draft, trained by `npm run train` (src/eval/train.ts) on the labelled sets in eval-sets/
// and shipped as data/text-model.json. It finds what no written rule describes ("third time this
// week explaining the same thing to the same family") and says which words made it think so.
// docs/text-model.md tells how it was trained and how well it does on drafts it never saw.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Profile } from "../config/config.js";
import type { Category, PostMeta } from "../model.js";
import { DATA_DIR } from "../paths.js";
import type { FieldContext } from "../rules/context.js";
import type { Match } from "../rules/matchers.js";
import { mask, type Span } from "../rules/text.js";
import { nameLists } from "./name-lists.js";
import { personName } from "./people.js";
import { practiceFacts } from "./practice.js";

/** The categories the model scores, in the order of each feature's weights. */
export const MODEL_CATEGORIES: Category[] = ["phi", "advice", "contact", "conduct", "claims"];

/** A word of a draft as the model sees it, and where it stands. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A feature and the offset of the token it ends on (to say which sentence carries it). */
export interface Feature {
  name: string;
  at: number;
}

/**
 * Words too common to explain anything: they may weigh in the score (in word pairs, "you should"),
 * but a finding never names them as its reason.
 */
const FUNCTION_WORDS = new Set(
  (
    "a an the and or but if so of to in on at by for with from as is are was were be been am it " +
    "its this that these those i me my we us our you your he him his she her they them their " +
    "who what which when where how not no do does did have has had will would can could just " +
    "up out about all any some then than there also very too get got 0 ! ? # $ %"
  ).split(" "),
);

/** Features of the post rather than of its words: they weigh in the score but point nowhere. */
const POST_FEATURES = { reply: "<reply>", personal: "<personal-account>" };
const isPostFeature = (name: string) => Object.values(POST_FEATURES).includes(name);

/**
 * What the model reads as one token. Picture references and Markdown link targets are skipped
 * (a file called "pic.jpg" is not a request for a picture); links and e-mail addresses are one
 * token each.
 */
const TOKEN = new RegExp(
  [
    String.raw`(?<skip>!(?=\[)|\]\([^)\s]*\)|[\p{L}\p{N}_-]+\.(?:jpe?g|png|gif|heic|webp|mp4|mov|pdf)\b)`,
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s)]+)`,
    String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
    String.raw`@[\p{L}\p{N}_.]*[\p{L}\p{N}_]|\p{L}[\p{L}\p{M}'’]*|\p{N}+|[!?$%#]`,
  ].join("|"),
  "giu",
);

/**
 * The draft's words in lower case, with the practice's own staff, handles and e-mail addresses
 * replaced by placeholders and every number by 0: the model learns "<staff> is back from
 * vacation", not one practice's staff list, and "0 mg" rather than each dose.
 */
export function modelTokens(text: string, profile: Profile, people: readonly Span[] = []): Token[] {
  const facts = practiceFacts(profile);
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m.groups!.skip) continue;
    const person = people.find((p) => p.start <= m.index && m.index < p.end);
    if (person) {
      // A name is one "<person>" however many words it has.
      const last = tokens.at(-1);
      if (last?.text === "<person>" && last.start >= person.start) last.end = m.index + m[0].length;
      else tokens.push({ text: "<person>", start: m.index, end: m.index + m[0].length });
      continue;
    }
    const word = m[0].toLowerCase().replace(/’/g, "'");
    let token = word;
    if (m.groups!.url) token = "<link>";
    else if (m.groups!.email) token = facts.emails.has(word) ? "<our-email>" : "<email>";
    else if (/^\p{N}/u.test(word)) token = "0";
    else if (word.startsWith("@")) token = facts.handles.has(word) ? "<our-handle>" : "<handle>";
    else if (facts.staffWords.has(word)) token = "<staff>";
    tokens.push({ text: token, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Words, adjacent word pairs, and whether the draft is a reply or from a personal account. */
export function modelFeatures(tokens: readonly Token[], meta: PostMeta): Feature[] {
  const features: Feature[] = [];
  tokens.forEach((token, i) => {
    features.push({ name: token.text, at: token.start });
    if (i > 0) features.push({ name: `${tokens[i - 1]!.text} ${token.text}`, at: token.start });
  });
  if (meta.inReplyTo) features.push({ name: POST_FEATURES.reply, at: 0 });
  if (meta.account === "personal") features.push({ name: POST_FEATURES.personal, at: 0 });
  return features;
}

/** The shipped model: a bias per category and, per feature, one weight per category. */
export interface TextModel {
  categories: Category[];
  bias: number[];
  weights: Record<string, number[]>;
  trainedOn: { sets: number; drafts: number; sha256: string };
}

/** The model in use: the shipped one, read on first use, or one that training just fitted. */
let current: TextModel | undefined;

/** Scores with `model` from now on instead of the shipped one: for training's held-out runs. */
export function useTextModel(model: TextModel): void {
  current = model;
}

export function textModel(): TextModel {
  if (!current) {
    current = JSON.parse(readFileSync(join(DATA_DIR, "text-model.json"), "utf8")) as TextModel;
    // A draft's word "constructor" must not find Object's.
    Object.setPrototypeOf(current.weights, null);
  }
  return current;
}

/** How much each feature of a draft with `count` distinct features weighs: long drafts are not louder. */
export const featureScale = (count: number) => 1 / Math.sqrt(count || 1);

/** A draft's score for one category, from 0 to 1, with each feature's share of it. */
export function scoreFeatures(
  model: TextModel,
  category: Category,
  features: readonly Feature[],
): { score: number; contributions: { feature: Feature; weight: number }[] } {
  const column = model.categories.indexOf(category);
  const distinct = new Map(features.map((f) => [f.name, f]));
  const scale = featureScale(distinct.size);
  let z = model.bias[column]!;
  const contributions: { feature: Feature; weight: number }[] = [];
  for (const feature of distinct.values()) {
    const weight = (model.weights[feature.name]?.[column] ?? 0) * scale;
    if (weight === 0) continue;
    z += weight;
    contributions.push({ feature, weight });
  }
  return { score: 1 / (1 + Math.exp(-z)), contributions };
}

/** The features of one field, computed once for all the model rules. */
export function fieldFeatures(ctx: FieldContext): Feature[] {
  return ctx.remember(fieldFeatures, () => {
    const people = ctx.remember(personName, () => personName.find(ctx));
    return modelFeatures(modelTokens(ctx.text, ctx.profile, people), ctx.post.meta);
  });
}

function fieldScoring(ctx: FieldContext, category: Category) {
  return ctx.remember(scoreKeys[category], () =>
    scoreFeatures(textModel(), category, fieldFeatures(ctx)),
  );
}

/** One memo key per category, so each field is scored once per category. */
const scoreKeys = Object.fromEntries(MODEL_CATEGORIES.map((c) => [c, {}])) as Record<
  Category,
  object
>;

/**
 * The whole field when its score for the category stays under `below`: the model is sure the text
 * has nothing of the kind, so a written rule's `unless` can step back.
 */
export function findWhereBelow(ctx: FieldContext, category: Category, below: number): Match[] {
  return fieldScoring(ctx, category).score < below ? [{ start: 0, end: ctx.text.length }] : [];
}

/**
 * The words of a finding's detail are the draft's own, so anything but a common English or Spanish
 * word that is nobody's first name or surname is masked like a match ("c*****"): it may be a
 * patient's name.
 */
export function maskUncommon(word: string): string {
  const { common, spanish, names } = nameLists();
  const plain =
    /^<.+>$|^\W+$|^0$/.test(word) || ((common.has(word) || spanish.has(word)) && !names.has(word));
  return plain ? word : mask(word);
}

/**
 * Below this many words a field is too short for the model to judge: "Hello spring" scores like
 * the start of a patient story. The written rules still read it.
 */
const MIN_WORDS = 8;

const wordCount = (ctx: FieldContext) =>
  fieldFeatures(ctx).filter((f) => !f.name.includes(" ") && /^\p{L}/u.test(f.name)).length;

/**
 * When a field scores at or above `threshold`, one match: the sentence that weighs most towards
 * the category, with the score and the words that weighed most as its detail.
 */
export function findByModel(ctx: FieldContext, category: Category, threshold: number): Match[] {
  const { text, sentences } = ctx;
  const { score, contributions } = fieldScoring(ctx, category);
  if (score < threshold || sentences.length === 0 || wordCount(ctx) < MIN_WORDS) return [];
  const weightOf = sentences.map(() => 0);
  for (const { feature, weight } of contributions) {
    const index = sentences.findIndex((s) => feature.at < s.end);
    if (index >= 0 && !isPostFeature(feature.name)) weightOf[index]! += weight;
  }
  const best = sentences[weightOf.indexOf(Math.max(...weightOf))]!;
  const reasons = contributions
    .filter((c) => c.weight > 0 && !isPostFeature(c.feature.name))
    .filter((c) => c.feature.name.split(" ").some((word) => !FUNCTION_WORDS.has(word)))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((c) => `"${c.feature.name.split(" ").map(maskUncommon).join(" ")}"`);
  const trimmed = text.slice(best.start, best.end);
  const start = best.start + (trimmed.length - trimmed.trimStart().length);
  const end = best.end - (trimmed.length - trimmed.trimEnd().length);
  const words = reasons.length > 0 ? `; words: ${reasons.join(", ")}` : "";
  return [{ start, end, detail: `score ${score.toFixed(2)}${words}` }];
}
