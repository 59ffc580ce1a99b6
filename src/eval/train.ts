// `npm run train`: fits the text model (src/detect/text-model.ts) on the labelled sets in
// eval-sets/ and writes data/text-model.json. `npm run train -- --folds 7` instead holds out
// whole sets in turn and prints how the model, alone and beside the rules, does on them
// (`--misses` also lists each draft that postguard as shipped got wrong).
// Deterministic: the same sets give the same file.
import { writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import {
  featureScale,
  fieldFeatures,
  MODEL_CATEGORIES,
  scoreFeatures,
  type TextModel,
  useTextModel,
} from "../detect/text-model.js";
import { lintPost } from "../lint/lint-post.js";
import type { Category, Finding } from "../model.js";
import { DATA_DIR, DEFAULT_RULESET } from "../paths.js";
import { FieldContext } from "../rules/context.js";
import { loadRuleset } from "../rules/ruleset.js";
import { categoriesOf, errorLines, type Verdict } from "./score.js";
import { readSet, trainingFingerprint, trainingSetDirs } from "./sets.js";

/** A feature must occur in this many training drafts to get a weight: one-offs are noise. */
const MIN_DRAFTS = 2;
const EPOCHS = 15;
const LEARNING_RATE = 0.2;
const L2 = 1e-4;
const SEED = 20261129;

interface Example {
  set: number;
  /** The set's folder name and the draft's file, for --misses. */
  id: string;
  features: string[];
  expected: Set<Category>;
  /**
   * Lints the draft with every rule, for the held-out comparison. Model rules and the `below`
   * conditions read whatever model is in use (useTextModel), so this is run again for each fold.
   */
  lint: () => Finding[];
}

function readExamples(dirs: readonly string[]): Example[] {
  return dirs.flatMap((dir, set) => {
    const { rules, profile, posts } = readSet(dir);
    return posts.map(({ id, expected, posts: parts }) => {
      const features = new Set<string>();
      for (const post of parts) {
        const contexts: FieldContext[] = post.fields.map(
          (field) => new FieldContext(post, field, profile, () => contexts),
        );
        for (const f of contexts.flatMap(fieldFeatures)) features.add(f.name);
      }
      const lint = () => parts.flatMap((post) => lintPost(post, rules, profile));
      return { set, id: `${basename(dir)}/${id}`, features: [...features], expected, lint };
    });
  });
}

/** A small, seeded random number generator (mulberry32), so training is repeatable. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Logistic regression for every category at once, by AdaGrad with L2 shrinkage, on the features
 * seen in at least MIN_DRAFTS drafts. Inputs are scaled like scoreFeatures scales them.
 */
function fit(examples: readonly Example[]): TextModel {
  const seen = new Map<string, number>();
  for (const example of examples) {
    for (const f of example.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  const n = MODEL_CATEGORIES.length;
  // No prototype: a draft's word "constructor" must not find Object's.
  const weights: Record<string, number[]> = Object.create(null);
  const squares: Record<string, number[]> = Object.create(null);
  const bias = new Array<number>(n).fill(0);
  const biasSquares = new Array<number>(n).fill(0);
  const next = random(SEED);
  const order = examples.map((_, i) => i);
  const usable = examples.map((e) => e.features.filter((f) => seen.get(f)! >= MIN_DRAFTS));
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = examples[index]!;
      const features = usable[index]!;
      const scale = featureScale(example.features.length);
      for (let c = 0; c < n; c++) {
        let z = bias[c]!;
        for (const f of features) z += (weights[f]?.[c] ?? 0) * scale;
        const error = 1 / (1 + Math.exp(-z)) - (example.expected.has(MODEL_CATEGORIES[c]!) ? 1 : 0);
        for (const f of features) {
          const w = (weights[f] ??= new Array<number>(n).fill(0));
          const s = (squares[f] ??= new Array<number>(n).fill(0));
          const gradient = error * scale + L2 * w[c]!;
          s[c]! += gradient * gradient;
          w[c]! -= (LEARNING_RATE * gradient) / Math.sqrt(s[c]! + 1e-8);
        }
        biasSquares[c]! += error * error;
        bias[c]! -= (LEARNING_RATE * error) / Math.sqrt(biasSquares[c]! + 1e-8);
      }
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const kept = Object.entries(weights)
    .map(([f, w]) => [f, w.map(round)] as const)
    .filter(([, w]) => w.some((x) => x !== 0))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    categories: MODEL_CATEGORIES,
    bias: bias.map(round),
    weights: Object.fromEntries(kept),
    trainedOn: { sets: 0, drafts: examples.length, sha256: "" },
  };
}

/** Thresholds the held-out table tries, besides those of the built-in model rules. */
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7];

/** The built-in model rules: their ids, and their thresholds by category. */
function builtInModelRules(): {
  modelRuleIds: Set<string | null>;
  thresholds: Map<Category, number>;
} {
  const rules = loadRuleset(DEFAULT_RULESET).rules.filter((rule) => rule.kind === "model");
  return {
    modelRuleIds: new Set(rules.map((rule) => rule.id)),
    thresholds: new Map(
      rules.flatMap(({ model }) =>
        model && "threshold" in model ? [[model.category, model.threshold]] : [],
      ),
    ),
  };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function count(counts: Counts, expected: boolean, found: boolean): void {
  if (expected && found) counts.tp++;
  else if (found) counts.fp++;
  else if (expected) counts.fn++;
}

function prf({ tp, fp, fn }: Counts): string {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return `${p.toFixed(2)}/${r.toFixed(2)}/${((2 * p * r) / (p + r || 1)).toFixed(2)}`;
}

/**
 * Trains on all sets but every `folds`-th and scores those, in turn, so that a practice's drafts
 * are never on both sides. Prints precision/recall/F1 per category for the written rules, for
 * the model alone and beside the rules at each threshold (scoring whole drafts), and for
 * postguard as shipped: every rule, the model rules reading each field as `lint` does. With
 * `misses`, also lists what postguard as shipped missed or raised wrongly.
 */
function crossValidate(examples: readonly Example[], folds: number, misses: boolean): string[] {
  const builtIn = builtInModelRules();
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const rules = new Map(MODEL_CATEGORIES.map((c) => [c, zero()]));
  const model = new Map(MODEL_CATEGORIES.map((c) => [c, THRESHOLDS.map(zero)]));
  const both = new Map(MODEL_CATEGORIES.map((c) => [c, THRESHOLDS.map(zero)]));
  const shipped: Verdict[] = [];
  let quietByRules = 0;
  for (let fold = 0; fold < folds; fold++) {
    const fitted = fit(examples.filter((e) => e.set % folds !== fold));
    useTextModel(fitted);
    for (const example of examples.filter((e) => e.set % folds === fold)) {
      const features = example.features.map((name) => ({ name, at: 0 }));
      const findings = example.lint();
      const byRules = categoriesOf(findings.filter((f) => !builtIn.modelRuleIds.has(f.ruleId)));
      const { id, expected } = example;
      shipped.push({ id, expected, found: categoriesOf(findings), findings });
      if (expected.size === 0 && byRules.size === 0) quietByRules++;
      for (const category of MODEL_CATEGORIES) {
        const { score } = scoreFeatures(fitted, category, features);
        const expected = example.expected.has(category);
        count(rules.get(category)!, expected, byRules.has(category));
        THRESHOLDS.forEach((t, i) => {
          count(model.get(category)![i]!, expected, score >= t);
          count(both.get(category)![i]!, expected, byRules.has(category) || score >= t);
        });
      }
    }
  }
  const row = (counts: Counts[]) => counts.map((x) => prf(x).padEnd(16)).join("");
  const asShipped = (c: Category) => {
    const counts = zero();
    for (const v of shipped) count(counts, v.expected.has(c), v.found.has(c));
    return prf(counts);
  };
  const clean = shipped.filter((v) => v.expected.size === 0);
  const quiet = clean.filter((v) => v.found.size === 0).length;
  return [
    `held out by set: ${folds} folds, ${examples.length} drafts; precision/recall/F1`,
    `threshold           ${THRESHOLDS.map((t) => String(t).padEnd(16)).join("")}`,
    ...MODEL_CATEGORIES.flatMap((c) => [
      `${c.padEnd(8)} rules      ${prf(rules.get(c)!)}`,
      `  model alone       ${row(model.get(c)!)}`,
      `  rules + model     ${row(both.get(c)!)}`,
      `  as shipped        ${asShipped(c)}  (model rule at ${builtIn.thresholds.get(c)})`,
    ]),
    `clean drafts with no finding: ${quietByRules}/${clean.length} with the written rules, ${quiet}/${clean.length} as shipped`,
    ...(misses ? errorLines(shipped, MODEL_CATEGORIES) : []),
  ];
}

function main(): void {
  const foldsAt = process.argv.indexOf("--folds");
  const dirs = trainingSetDirs();
  if (foldsAt > 0) {
    const folds = Number(process.argv[foldsAt + 1]);
    if (!Number.isInteger(folds) || folds < 2) {
      process.stderr.write("train: --folds takes a whole number of 2 or more\n");
      process.exitCode = 2;
      return;
    }
    const lines = crossValidate(readExamples(dirs), folds, process.argv.includes("--misses"));
    process.stdout.write(lines.join("\n") + "\n");
    return;
  }
  const examples = readExamples(dirs);
  const model = fit(examples);
  model.trainedOn = {
    sets: dirs.length,
    drafts: examples.length,
    sha256: trainingFingerprint(dirs),
  };
  const path = join(DATA_DIR, "text-model.json");
  writeFileSync(path, JSON.stringify(model) + "\n");
  process.stdout.write(
    `wrote ${relative(process.cwd(), path)}: ${Object.keys(model.weights).length} features, from ${examples.length} drafts in ${dirs.length} sets\n`,
  );
}

main();
