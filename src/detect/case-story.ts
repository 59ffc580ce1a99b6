// Identifiable case stories: no name, but enough details together to point at one person
// ("the 41-year-old mail carrier from Elm Street we saw Tuesday with shingles").
import type { Detector } from "./detector.js";
import { findDates } from "./identifiers.js";
import { overlaps } from "../rules/text.js";

/** Each kind of detail narrows the crowd; a story with enough kinds of them is a finding. */
const SIGNALS = {
  age: /\b\d{1,3}[- ](?:year|yr|month|week)s?[- ]old\b|\baged? \d{1,3}\b|\b\d'\s?\d{1,2}"|\b\d{1,3}(?:yo|y\/o)\b/gi,
  occupation: new RegExp(
    String.raw`\b(?:${[
      "teacher",
      "principal",
      "coach",
      "mail carrier",
      "mailman",
      "postal worker",
      "firefighter",
      "police officer",
      "officer",
      "deputy",
      "sheriff",
      "veteran",
      "pastor",
      "priest",
      "rabbi",
      "imam",
      "nurse",
      "doctor",
      "surgeon",
      "dentist",
      "pharmacist",
      "lawyer",
      "attorney",
      "judge",
      "mayor",
      "alderman",
      "council member",
      "councilman",
      "councilwoman",
      "senator",
      "news anchor",
      "anchor",
      "reporter",
      "meteorologist",
      "weatherman",
      "chef",
      "barista",
      "bartender",
      "waiter",
      "waitress",
      "cashier",
      "farmer",
      "rancher",
      "trucker",
      "truck driver",
      "bus driver",
      "pilot",
      "mechanic",
      "electrician",
      "plumber",
      "carpenter",
      "contractor",
      "librarian",
      "professor",
      "student",
      "quarterback",
      "pitcher",
      "athlete",
      "player",
      "cheerleader",
      "drummer",
      "singer",
      "musician",
      "artist",
      "author",
      "banker",
      "realtor",
      "owner",
      "ceo",
      "manager",
      "janitor",
      "custodian",
      "crossing guard",
      "lifeguard",
      "referee",
      "umpire",
      "soldier",
      "marine",
      "sailor",
      "airman",
    ].join("|")})s?\b`,
    "gi",
  ),
  place: new RegExp(
    String.raw`\b(?:[A-Z][\w'-]+ )+(?:High|Elementary|Middle|School|Academy|Manor|Village|Heights|Street|St|Avenue|Ave|Lane|Ln|Road|Rd|Drive|Court|neighborhood|neighbourhood|subdivision|apartments|Apartments|Church|Plant|Factory|Mill|Farm|Station|Department)\b|\b(?:route|block|street|building|floor|unit|ward|dorm) (?:covers|on|at|in)\b`,
    "g",
  ),
  rarity:
    /\b(?:only|first case|first patient|rare|rarest|one of a kind|twins|triplets|quadruplets|quintuplets|oldest|youngest|tallest)\b/gi,
};

/** Words that show the practice saw or treated the person. */
const SEEN =
  /\b(?:we saw|saw|seen|we diagnosed|diagnosed|we treated|treated|came in|come in|stopped by|in clinic|in today|was in|were in|visited|admitted|brought in)\b/i;

const MIN_SIGNALS = 3;

export const caseStory: Detector = {
  id: "case-story",
  summary:
    "sentences that tell of a patient seen at the practice with three or more kinds of identifying detail (age, job, place, date, rarity)",
  find(ctx) {
    const dates = findDates(ctx);
    return ctx.sentences.flatMap((sentence) => {
      const text = ctx.text.slice(sentence.start, sentence.end);
      if (!SEEN.test(text)) return [];
      const kinds = Object.entries(SIGNALS)
        .filter(([, re]) => [...text.matchAll(re)].length > 0)
        .map(([kind]) => kind);
      if (dates.some((d) => overlaps(d, sentence))) kinds.push("date");
      if (kinds.length < MIN_SIGNALS) return [];
      return [{ ...sentence, detail: kinds.join(", ") }];
    });
  },
};
