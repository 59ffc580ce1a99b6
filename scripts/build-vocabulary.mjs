// Build step (run by `npm run build`): turns the medical vocabulary, data/medical-terms.yaml,
// into dist/medical-terms.json, which postguard reads at run time: parsing JSON takes a few
// milliseconds where the YAML took over 100, and every pre-commit run pays it.
// The build fails, naming the term, when the file has a section that is not a list of words or
// a term listed twice.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";

const SOURCE = "data/medical-terms.yaml";
const sections = parse(readFileSync(SOURCE, "utf8"));
const seen = new Map();
for (const [section, terms] of Object.entries(sections)) {
  if (!Array.isArray(terms) || terms.some((t) => typeof t !== "string" && typeof t !== "number")) {
    throw new Error(`${SOURCE}: section "${section}" must be a list of terms`);
  }
  for (const term of terms.map(String)) {
    if (seen.has(term)) {
      throw new Error(`${SOURCE}: "${term}" is in ${seen.get(term)} and ${section}; keep one`);
    }
    seen.set(term, section);
  }
}
mkdirSync("dist", { recursive: true });
writeFileSync(
  "dist/medical-terms.json",
  JSON.stringify(
    Object.fromEntries(Object.entries(sections).map(([name, terms]) => [name, terms.map(String)])),
  ),
);
console.log(`vocabulary: ${seen.size} terms in ${Object.keys(sections).length} sections`);
