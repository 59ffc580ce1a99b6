import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The package's root folder, where rules.default.yaml and data/ ship (this file is in dist/ or src/). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_RULESET = join(PACKAGE_ROOT, "rules.default.yaml");
export const DATA_DIR = join(PACKAGE_ROOT, "data");
