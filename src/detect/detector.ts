import type { FieldContext } from "../rules/context.js";
import type { Match } from "../rules/matchers.js";

/**
 * A finder that needs code rather than a pattern: validated identifiers, names in a patient role,
 * case stories. A ruleset names it with `kind: detector` and `detector: <id>`; the rule's
 * `near`/`unless`/`when` conditions and messages work on its matches like on any other kind.
 */
export interface Detector {
  id: string;
  /** One line for `postguard rules` and docs/rules.md. */
  summary: string;
  find(ctx: FieldContext): Match[];
}
