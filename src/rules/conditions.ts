import type { FieldContext } from "./context.js";
import type { Match, Matcher } from "./matchers.js";
import { overlaps } from "./text.js";

/** How far from a match a condition looks: N words either side, the sentence, the field or the post. */
export type Scope = number | "sentence" | "field" | "post";

export interface Condition {
  matcher: Matcher;
  scope: Scope;
}

/** Post-level filters: which drafts a rule applies to at all. */
export interface PostFilter {
  reply?: boolean;
  account?: "practice" | "personal";
  patientConnections?: "forbidden" | "allowed";
  fields?: string[];
}

/** Words strictly between two spans (0 when they touch or overlap). */
function wordGap(ctx: FieldContext, a: Match, b: Match): number {
  if (overlaps(a, b)) return 0;
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  const gap = ctx.wordIndexAt(second.start) - ctx.wordIndexAt(first.end - 1) - 1;
  return Math.max(0, gap);
}

export function conditionHolds(ctx: FieldContext, match: Match, condition: Condition): boolean {
  const { scope, matcher } = condition;
  if (scope === "post") {
    return ctx.siblings().some((sibling) => matcher.find(sibling).length > 0);
  }
  const candidates = matcher.find(ctx);
  if (scope === "field") return candidates.length > 0;
  if (scope === "sentence") {
    const sentence = ctx.sentenceAt(match.start);
    return candidates.some((c) => overlaps(c, sentence));
  }
  return candidates.some((c) => wordGap(ctx, match, c) <= scope);
}

export function postFilterAccepts(filter: PostFilter, ctx: FieldContext): boolean {
  const { meta } = ctx.post;
  if (filter.reply !== undefined && filter.reply !== (meta.inReplyTo !== undefined)) return false;
  if (filter.account && filter.account !== (meta.account ?? "practice")) return false;
  if (
    filter.patientConnections &&
    filter.patientConnections !== ctx.profile.policy.patientConnections
  ) {
    return false;
  }
  if (filter.fields && !filter.fields.includes(ctx.field.name)) return false;
  return true;
}
