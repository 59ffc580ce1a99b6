// Identifiable case stories: no name, but enough details together to point at one person
// ("the 41-year-old mail carrier from Elm Street we saw Tuesday with shingles").
import type { Detector } from "./detector.js";
import { findDates } from "./identifiers.js";
import { overlaps } from "../rules/text.js";

/** Jobs and roles that narrow a small town's crowd to a handful of people. */
const OCCUPATIONS =
  `teacher, principal, superintendent, coach, mail carrier, mailman, postal worker, postmaster,
inspector, agent, clerk, technician, foreman, supervisor, operator, firefighter, paramedic, emt,
dispatcher, police officer, officer, deputy, sheriff, veteran, soldier, marine, sailor, airman,
pastor, priest, rabbi, imam, deacon, nun, nurse, doctor, surgeon, dentist, pharmacist,
veterinarian, lawyer, attorney, judge, mayor, governor, alderman, council member, councilman,
councilwoman, city councilor, senator, legislator, news anchor, anchor, reporter, meteorologist,
weatherman, dj, chef, cook, baker, butcher, barista, bartender, waiter, waitress, cashier, farmer,
rancher, miner, welder, roofer, landscaper, gardener, fisherman, trucker, truck driver,
bus driver, cab driver, delivery driver, pilot, flight attendant, mechanic, electrician, plumber,
carpenter, contractor, engineer, programmer, accountant, architect, scientist, librarian,
professor, student, freshman, sophomore, junior, senior, first-grader, second-grader,
third-grader, fourth-grader, fifth-grader, kindergartner, quarterback, pitcher, athlete, olympian,
player, cheerleader, drummer, singer, musician, dancer, actor, actress, artist, author, banker,
realtor, owner, ceo, manager, janitor, custodian, crossing guard, lifeguard, referee, umpire,
hairdresser, barber, stylist, nanny, babysitter, park ranger, ranger, astronaut, boxer, wrestler,
golfer, jockey, lineman, lineworker, logger, millworker, linesman, deckhand, longshoreman,
forklift driver, warehouse worker, captain, skier, ski jumper, snowboarder, climber, runner,
swimmer, gymnast, cyclist, skater, goalie, shrimper, fisher, nurse aide, caregiver, chaplain,
bishop, coroner, mortician`
    .split(/,\s*/)
    .join("|");

/** Each kind of detail narrows the crowd; a story with enough kinds of them is a finding. */
const SIGNALS: Record<string, RegExp> = {
  age: /\bin (?:his|her|their) (?:early |mid |late )?\d0s\b|\b\d{1,3}[- ](?:year|yr|month|week)s?[- ]old\b|\baged? \d{1,3}\b|\b\d'\s?\d{1,2}"|\b\d{1,3}\s?(?:yo|y\/o|y\.o\.)(?![\p{L}])|\bdiagnosed at \d{1,3}\b/giu,
  // A job, a jersey number, or "the glassblower who runs the studio in the old mill".
  occupation: new RegExp(
    String.raw`\b(?:${OCCUPATIONS})s?\b|(?<!\w)#\d{1,2}\b|\b(?:the|a) \w+(?:er|or|ist|ian) who (?:runs|owns|works|manages|drives|coaches)\b|\b(?:she|he) (?:runs|owns|manages) (?:the|a) \w+`,
    "gi",
  ),
  place: new RegExp(
    [
      String.raw`\b(?:[A-Z][\w'-]+ )+(?:High|Elementary|Middle|School|Academy|Manor|Village|Heights|Street|St|Avenue|Ave|Lane|Ln|Road|Rd|Drive|Court|Church|Plant|Factory|Mill|Farm|Station|Department|neighborhood|neighbourhood|subdivision|apartments|clinic|fair|plant|mill|mine|base|camp|ranch|farm)\b`,
      String.raw`\b(?:route|block|street|building|floor|unit|ward|dorm) (?:covers|on|at|in)\b`,
      String.raw`\b(?:in|from|at|near) (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?\b`,
      String.raw`\bon (?:the )?(?:[\w'-]+ ){0,4}(?:team|squad|crew|roster|line|lineup|bench)\b`,
    ].join("|"),
    "g",
  ),
  rarity:
    /\b(?:only|first case|first patient|first one|first time|a first for|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|rare|rarest|one of a kind|twins|triplets|quadruplets|quintuplets|oldest|youngest|tallest|never seen)\b/gi,
  // The day of a visit is a date of care ("came in today"), one of Safe Harbor's dates.
  date: /\b(?:this|last) (?:summer|fall|autumn|winter|spring|week|weekend|month|year|morning|afternoon|evening|night)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:morning|afternoon|evening|night)\b|\b(?:today|yesterday|tonight)\b|\b(?:last|this|on) (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day's\b/gi,
};

/** Words that show the practice saw or treated the person. */
const SEEN = new RegExp(
  String.raw`\b(?:${[
    // the practice at work
    String.raw`we saw|saw|seen|we diagnosed|diagnosed|we treated|treated|we had|we've had|we caught|we got`,
    String.raw`we (?:removed|pulled|stitched|splinted|set|fixed|delivered|scoped|operated on|vaccinated|admitted|discharged)`,
    String.raw`i (?:scoped|operated on|fixed|repaired|removed|stitched|treated|saw|diagnosed)`,
    // "Dr. Mehta repaired a cracked tooth for a retired bus driver", "delivered triplets for a…"
    String.raw`dr\.? [\w-]+ (?:[\w-]+ )?(?:delivered|repaired|removed|treated|diagnosed|operated on|fixed|stitched|pulled|placed|extracted)`,
    String.raw`(?:delivered|repaired|performed|placed|fitted|extracted|removed|fixed|stitched|treated) (?:[\w-]+ ){0,4}for (?:a|an)`,
    String.raw`(?:took|pulled|removed|got) (?:a |an |the )?(?:[\w-]+ ){0,3}out of`,
    String.raw`our (?:hospice|care|home health|nursing) team|we cared for|cared for (?:a|an)|honored to care`,
    String.raw`(?:we(?:'re| are| were)?|team (?:is|was)) caring for|(?:we|team|i) met (?:a|an)`,
    String.raw`case from|teaching case|consult|our patient|one of our patients|enrolled`,
    // a patient's death told by their nurse: "lost one of my favorites today"
    String.raw`lost one of (?:my|our)`,
    // the person coming in
    String.raw`came in|come in|stopped by|in clinic|in today|was in|were in|visited|admitted|brought in|carried in`,
    String.raw`walked in|walked into|came through|rolled in|came to us|come to us|started our|joined our`,
    String.raw`(?:drove|walked|came|rushed) (?:herself |himself |themselves )?in\b|in our (?:gym|clinic|office|chair)`,
    String.raw`(?:cycle|visit|treatment|round|surgery|procedure|session)s? (?:here )?with us`,
    // what happened to them
    String.raw`collapsed|(?:was|were) rushed to|born (?:at|here)|went home|sent home`,
  ].join("|")})\b`,
  "i",
);

const MIN_SIGNALS = 3;

export const caseStory: Detector = {
  id: "case-story",
  summary:
    "sentences that tell of a patient seen at the practice with three or more kinds of identifying detail (age, job, place, date, rarity)",
  find(ctx) {
    const dates = findDates(ctx);
    return ctx.sentences.flatMap((sentence, index) => {
      // Details and the practice's part often spill into the next sentence
      // ("…and we caught it! 9 years old, …", "…his last Tết at home. Our hospice team…").
      const window = { start: sentence.start, end: ctx.sentences[index + 1]?.end ?? sentence.end };
      const text = ctx.text.slice(window.start, window.end);
      if (!SEEN.test(text)) return [];
      const kinds = new Set(
        Object.entries(SIGNALS)
          .filter(([, re]) => [...text.matchAll(re)].length > 0)
          .map(([kind]) => kind),
      );
      if (dates.some((d) => overlaps(d, window))) kinds.add("date");
      if (kinds.size < MIN_SIGNALS) return [];
      return [{ ...sentence, detail: [...kinds].join(", ") }];
    });
  },
};
