import { isMap, isScalar, type Node } from "yaml";
import type { Category, SeverityName } from "../model.js";
import { CATEGORIES } from "../model.js";
import { DETECTORS } from "../detect/index.js";
import { findByModel, findWhereBelow, MODEL_CATEGORIES } from "../detect/text-model.js";
import { vocabularyMatcher, vocabularySections } from "../detect/vocabulary.js";
import { parseProfile } from "../config/config.js";
import type { Profile } from "../config/config.js";
import type { Condition, PostFilter, Scope } from "./conditions.js";
import type { FieldContext } from "./context.js";
import { termsMatcher } from "./terms.js";
import {
  nlpMatcher,
  patternRegExp,
  regExpMatcher,
  unionMatcher,
  unknownNlpTags,
  type Matcher,
} from "./matchers.js";
import {
  mapEntries,
  scalarNumber,
  scalarString,
  seqItems,
  stringList,
  YamlFile,
} from "../yaml/document.js";

export type RuleKind = "pattern" | "terms" | "nlp" | "detector" | "model" | "image";
const KINDS: Record<RuleKind, string> = {
  pattern: "patterns",
  terms: "terms",
  nlp: "nlp",
  detector: "detector",
  model: "model",
  image: "check",
};

/** What the image checks (src/image) report; `text` runs the phi rules on text read in the picture. */
export const IMAGE_CHECKS = ["face", "location", "metadata", "text", "missing"] as const;
export type ImageCheck = (typeof IMAGE_CHECKS)[number];

/** A draft used to check a rule: plain text, or text with the post's context. */
export interface Example {
  text: string;
  reply?: boolean;
  account?: "practice" | "personal";
  line?: number;
}

export interface Rule {
  id: string;
  category: Category;
  severity: SeverityName;
  description: string;
  /** Shown on each finding; `{match}` becomes the (masked) matched text, `{detail}` a detector's note. */
  message: string;
  rationale: string;
  source: string;
  fix: string;
  examples: { invalid: Example[]; valid: Example[] };
  kind: RuleKind;
  matcher: Matcher;
  /** For kind image: which check's results the rule reports. Its examples are image paths. */
  imageCheck?: ImageCheck;
  /** For kind model: which category's score it reads, and from what score it reports. */
  model?: ModelOptions;
  near: Condition[];
  unless: Condition[];
  when: PostFilter;
  origin: { file: string; line?: number };
}

/**
 * A text-model matcher: in a rule, it matches where the category's score reaches `threshold`; in
 * a condition, `below` instead makes it hold where the score stays under that ("the model is
 * sure this is not a violation"), to let a rule step back.
 */
export type ModelOptions =
  { category: Category; threshold: number } | { category: Category; below: number };

export interface Ruleset {
  file: string;
  /** The practice profile the embedded examples are checked against. */
  profile?: Profile;
  rules: Rule[];
}

const RULE_KEYS = new Set([
  "id",
  "severity",
  "description",
  "message",
  "rationale",
  "source",
  "fix",
  "examples",
  "kind",
  "when",
  "near",
  "unless",
  "caseSensitive",
  "wholeWords",
  "inflect",
  "flags",
  "threshold",
  ...Object.values(KINDS),
  "vocab",
]);
const MATCHER_KEYS = ["patterns", "terms", "vocab", "nlp", "detector", "model"];
const NO_MATCHES: Matcher = { find: () => [] };
const REQUIRED_TEXT = ["description", "message", "rationale", "source", "fix"] as const;

export function loadRuleset(path: string): Ruleset {
  const file = YamlFile.read(path);
  const ruleset: Ruleset = { file: path, rules: [] };
  const seen = new Set<string>();
  for (const [key, value, keyNode] of mapEntries(file, file.root, "a ruleset")) {
    if (key === "profile") ruleset.profile = parseProfile(file, value);
    else if (key === "rules") {
      for (const node of seqItems(file, value, "rules")) {
        const rule = parseRule(file, node);
        if (seen.has(rule.id)) throw file.error(`rule "${rule.id}" is defined twice`, node);
        seen.add(rule.id);
        ruleset.rules.push(rule);
      }
    } else {
      throw file.error(`unknown key "${key}" in a ruleset; allowed: profile, rules`, keyNode);
    }
  }
  return ruleset;
}

function parseRule(file: YamlFile, node: Node): Rule {
  const entries = new Map(mapEntries(file, node, "a rule").map(([k, v, kn]) => [k, { v, kn }]));
  const get = (key: string) => entries.get(key)?.v ?? null;
  const id = entries.has("id") ? scalarString(file, get("id"), "id") : "";
  const where = id ? `rule "${id}"` : "a rule";
  const fail = (message: string, at: Node | null = node) => file.error(`${where}: ${message}`, at);

  if (!/^[a-z]+\/[a-z0-9-]+$/.test(id)) fail("id must look like category/name (lower case)");
  const category = id.split("/")[0] as Category;
  if (!CATEGORIES.includes(category)) {
    throw fail(`unknown category "${category}"; use one of ${CATEGORIES.join(", ")}`, get("id"));
  }
  for (const [key, { kn }] of entries) {
    if (!RULE_KEYS.has(key)) throw fail(`unknown key "${key}"`, kn);
  }
  for (const key of REQUIRED_TEXT) {
    if (!entries.has(key)) throw fail(`"${key}" is required`);
  }

  const kind = scalarString(file, get("kind"), `${where}: kind`) as RuleKind;
  if (!(kind in KINDS))
    throw fail(`kind must be one of ${Object.keys(KINDS).join(", ")}`, get("kind"));
  const ownKey = KINDS[kind];
  const needs = kind === "terms" ? ["terms", "vocab"] : [ownKey];
  if (!needs.some((key) => entries.has(key)))
    throw fail(`kind ${kind} needs "${needs.join('" or "')}"`);
  for (const key of MATCHER_KEYS) {
    if (entries.has(key) && !needs.includes(key)) {
      throw fail(
        `"${key}" does not go with kind ${kind}; put it under near/unless`,
        entries.get(key)!.kn,
      );
    }
  }

  if (entries.has("threshold") && kind !== "model") {
    throw fail(`"threshold" goes with kind model`, entries.get("threshold")!.kn);
  }
  const severityText = scalarString(file, get("severity"), `${where}: severity`);
  if (!["warn", "error", "off"].includes(severityText)) {
    throw fail("severity must be warn, error or off", get("severity"));
  }
  const text = (key: (typeof REQUIRED_TEXT)[number]) =>
    scalarString(file, get(key), `${where}: ${key}`);
  let imageCheck: ImageCheck | undefined;
  if (kind === "image") {
    const check = scalarString(file, get("check"), `${where}: check`);
    if (!(IMAGE_CHECKS as readonly string[]).includes(check)) {
      throw fail(`check must be one of ${IMAGE_CHECKS.join(", ")}`, get("check"));
    }
    if (category !== "image") throw fail("kind image is for image/… rules", get("kind"));
    imageCheck = check as ImageCheck;
  }

  return {
    id,
    category,
    severity: severityText as SeverityName,
    description: text("description"),
    message: text("message"),
    rationale: text("rationale"),
    source: text("source"),
    fix: text("fix"),
    examples: parseExamples(file, get("examples"), where),
    kind,
    matcher: kind === "image" ? NO_MATCHES : buildMatcher(file, entries, where),
    ...(imageCheck ? { imageCheck } : {}),
    ...(kind === "model" ? { model: modelOptions(file, entries, where) } : {}),
    near: parseConditions(file, get("near"), `${where}: near`),
    unless: parseConditions(file, get("unless"), `${where}: unless`),
    when: parseFilter(file, get("when"), `${where}: when`),
    origin: { file: file.path, line: file.lineOf(node) },
  };
}

type Entries = Map<string, { v: Node | null; kn: Node }>;

function buildMatcher(file: YamlFile, entries: Entries, where: string): Matcher {
  const get = (key: string) => entries.get(key)?.v ?? null;
  const flag = (key: string): boolean | undefined => {
    const node = get(key);
    if (!node) return undefined;
    if (isScalar(node) && typeof node.value === "boolean") return node.value;
    throw file.error(`${where}: ${key} must be true or false`, node);
  };
  const caseSensitive = flag("caseSensitive");
  const matchers: Matcher[] = [];

  if (entries.has("terms")) {
    const terms = stringList(file, get("terms"), `${where}: terms`);
    if (terms.length === 0) throw file.error(`${where}: terms is empty`, get("terms"));
    matchers.push(termsMatcher(terms, { caseSensitive, inflect: flag("inflect") }));
  }
  if (entries.has("vocab")) {
    const sections = stringList(file, get("vocab"), `${where}: vocab`);
    const known = vocabularySections();
    for (const section of sections) {
      if (!known.includes(section)) {
        throw file.error(
          `${where}: unknown vocab "${section}"; known: ${known.join(", ")}`,
          get("vocab"),
        );
      }
    }
    matchers.push(vocabularyMatcher(sections));
  }
  if (entries.has("patterns")) {
    const flags = entries.has("flags") ? scalarString(file, get("flags"), `${where}: flags`) : "";
    if (!/^[ims]*$/.test(flags)) {
      throw file.error(
        `${where}: flags may only add i, m or s (g and u are always on)`,
        get("flags"),
      );
    }
    const sources = stringList(file, get("patterns"), `${where}: patterns`);
    const regexps = sources.map((source) => {
      try {
        const allFlags = caseSensitive ? flags : flags + "i";
        return patternRegExp(source, allFlags, flag("wholeWords") ?? true);
      } catch (error) {
        throw file.error(
          `${where}: invalid regular expression /${source}/: ${(error as Error).message}`,
          get("patterns"),
        );
      }
    });
    matchers.push(regExpMatcher(regexps));
  }
  if (entries.has("nlp")) {
    const patterns = stringList(file, get("nlp"), `${where}: nlp`);
    for (const pattern of patterns) {
      const unknown = unknownNlpTags(pattern);
      if (unknown.length > 0) {
        throw file.error(
          `${where}: unknown compromise tag #${unknown[0]} in "${pattern}" (it would match nothing); see docs/rules.md for the tag list`,
          get("nlp"),
        );
      }
    }
    matchers.push(nlpMatcher(patterns));
  }
  if (entries.has("detector")) {
    const name = scalarString(file, get("detector"), `${where}: detector`);
    const detector = DETECTORS.get(name);
    if (!detector) {
      throw file.error(
        `${where}: unknown detector "${name}"; known: ${[...DETECTORS.keys()].join(", ")}`,
        get("detector"),
      );
    }
    matchers.push({ find: (ctx) => ctx.remember(detector, () => detector.find(ctx)) });
  }
  if (entries.has("model")) {
    const options = modelOptions(file, entries, where);
    const key = {};
    const find =
      "below" in options
        ? (ctx: FieldContext) => findWhereBelow(ctx, options.category, options.below)
        : (ctx: FieldContext) => findByModel(ctx, options.category, options.threshold);
    matchers.push({ find: (ctx) => ctx.remember(key, () => find(ctx)) });
  }
  return unionMatcher(matchers);
}

/** `model:` (a category the text model scores) and `threshold:` (0.5 unless given) or `below:`. */
function modelOptions(file: YamlFile, entries: Entries, where: string): ModelOptions {
  const get = (key: string) => entries.get(key)?.v ?? null;
  const category = scalarString(file, get("model"), `${where}: model`) as Category;
  if (!MODEL_CATEGORIES.includes(category)) {
    throw file.error(
      `${where}: unknown model "${category}"; known: ${MODEL_CATEGORIES.join(", ")}`,
      get("model"),
    );
  }
  const score = (key: "threshold" | "below", fallback: number) => {
    const node = get(key);
    const value = node ? scalarNumber(file, node, `${where}: ${key}`) : fallback;
    if (!(value > 0 && value < 1)) {
      throw file.error(`${where}: ${key} must be a number between 0 and 1`, node);
    }
    return value;
  };
  if (entries.has("threshold") && entries.has("below")) {
    throw file.error(`${where}: give threshold or below, not both`, get("below"));
  }
  return entries.has("below")
    ? { category, below: score("below", 0.5) }
    : { category, threshold: score("threshold", 0.5) };
}

function parseConditions(file: YamlFile, node: Node | null, where: string): Condition[] {
  if (node === null) return [];
  const items = isMap(node) ? [node] : seqItems(file, node, where);
  return items.map((item, i) => {
    const entries: Entries = new Map(
      mapEntries(file, item, `${where}[${i}]`).map(([k, v, kn]) => [k, { v, kn }]),
    );
    for (const [key, { kn }] of entries) {
      if (
        ![
          ...MATCHER_KEYS,
          "within",
          "caseSensitive",
          "wholeWords",
          "inflect",
          "flags",
          "threshold",
          "below",
        ].includes(key)
      ) {
        throw file.error(`${where}: unknown key "${key}"`, kn);
      }
    }
    for (const key of ["threshold", "below"]) {
      if (entries.has(key) && !entries.has("model")) {
        throw file.error(`${where}: "${key}" goes with "model"`, entries.get(key)!.kn);
      }
    }
    if (!MATCHER_KEYS.some((key) => entries.has(key))) {
      throw file.error(`${where}: a condition needs one of ${MATCHER_KEYS.join(", ")}`, item);
    }
    return {
      matcher: buildMatcher(file, entries, where),
      scope: parseScope(file, entries.get("within")?.v ?? null, where),
    };
  });
}

function parseScope(file: YamlFile, node: Node | null, where: string): Scope {
  if (node === null) return "sentence";
  if (isScalar(node) && typeof node.value === "number") return scalarNumber(file, node, "within");
  const scope = scalarString(file, node, `${where}: within`);
  if (scope === "sentence" || scope === "field" || scope === "post") return scope;
  throw file.error(`${where}: within must be a number of words, sentence, field or post`, node);
}

function parseFilter(file: YamlFile, node: Node | null, where: string): PostFilter {
  const filter: PostFilter = {};
  if (node === null) return filter;
  for (const [key, value, keyNode] of mapEntries(file, node, where)) {
    if (key === "reply") {
      if (!isScalar(value) || typeof value.value !== "boolean") {
        throw file.error(`${where}: reply must be true or false`, value);
      }
      filter.reply = value.value;
    } else if (key === "account") {
      const account = scalarString(file, value, `${where}: account`);
      if (account !== "practice" && account !== "personal") {
        throw file.error(`${where}: account must be practice or personal`, value);
      }
      filter.account = account;
    } else if (key === "patientConnections") {
      const setting = scalarString(file, value, `${where}: patientConnections`);
      if (setting !== "forbidden" && setting !== "allowed") {
        throw file.error(`${where}: patientConnections must be forbidden or allowed`, value);
      }
      filter.patientConnections = setting;
    } else if (key === "fields") {
      filter.fields = stringList(file, value, `${where}: fields`);
    } else {
      throw file.error(
        `${where}: unknown key "${key}"; allowed: reply, account, patientConnections, fields`,
        keyNode,
      );
    }
  }
  return filter;
}

function parseExamples(file: YamlFile, node: Node | null, where: string): Rule["examples"] {
  const examples: Rule["examples"] = { invalid: [], valid: [] };
  if (node === null) return examples;
  for (const [key, value, keyNode] of mapEntries(file, node, `${where}: examples`)) {
    if (key !== "invalid" && key !== "valid") {
      throw file.error(`${where}: examples take "invalid" and "valid" lists`, keyNode);
    }
    examples[key] = seqItems(file, value, `${where}: examples.${key}`).map((item) =>
      parseExample(file, item, where),
    );
  }
  return examples;
}

function parseExample(file: YamlFile, node: Node, where: string): Example {
  const line = file.lineOf(node);
  if (isScalar(node)) return { text: scalarString(file, node, `${where}: example`), line };
  const example: Example = { text: "", line };
  for (const [key, value, keyNode] of mapEntries(file, node, `${where}: example`)) {
    if (key === "text") example.text = scalarString(file, value, `${where}: example text`);
    else if (key === "reply" && isScalar(value)) example.reply = value.value === true;
    else if (key === "account") {
      example.account =
        scalarString(file, value, "account") === "personal" ? "personal" : "practice";
    } else throw file.error(`${where}: an example takes text, reply and account`, keyNode);
  }
  return example;
}
