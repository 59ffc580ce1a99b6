import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CONFIG_NAMES } from "../config/config.js";
import { UsageError } from "../errors.js";

const STARTER = `# postguard configuration (see docs/config.md in the postguard package).
# The practice's own details are not patient information: list them so they are never flagged.
extends: [default]            # the built-in rules; add paths of your own rulesets here

organization:
  name: Your Practice Name
  aliases: []                 # other names people use: [Maple Grove, MGFM]
  handles: []                 # ["@yourpractice"]
  phones: []                  # ["(555) 010-2000"]
  emails: []                  # [hello@yourpractice.example]
  websites: []                # [yourpractice.example]
  addresses: []               # ["1200 Orchard Ave, Springfield, IL 62701"]

staff: []                     # full names of staff: [Priya Natarajan, Samuel Okafor]

policy:
  patientConnections: forbidden   # or allowed: may staff connect with patients online?

rules: {}                     # per-rule severity: off | warn | error, e.g. claims/superlative: off

ignore: []                    # globs of files never to lint, e.g. ["drafts/archive/**"]
`;

export function initCommand(): void {
  for (const name of CONFIG_NAMES) {
    const existing = resolve(process.cwd(), name);
    if (existsSync(existing)) {
      throw new UsageError(
        "a config already exists here; edit it, or remove it first to start over",
        existing,
      );
    }
  }
  const path = resolve(process.cwd(), CONFIG_NAMES[0]!);
  writeFileSync(path, STARTER, { flag: "wx" });
  process.stdout.write(
    `Wrote ${path}. Fill in your practice's details, then run \`postguard lint\`.\n`,
  );
}
