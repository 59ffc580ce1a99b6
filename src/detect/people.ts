// Finds references to people in a draft: names, honorific + name, nicknames, initials, families
// and @handles, leaving out the practice's staff and organisations. Whether a reference is a
// patient is decided by the rules (their `near`/`unless` conditions), not here.
import type { FieldContext } from "../rules/context.js";
import type { Match } from "../rules/matchers.js";
import type { Detector } from "./detector.js";
import { nameLists, otherNames } from "./name-lists.js";
import { vocabularySections, vocabularyTerms } from "./vocabulary.js";
import { practiceFacts, type PracticeFacts } from "./practice.js";

/**
 * Family titles, the Spanish titles of respect and the Haitian Creole "ti" (little), "tonton" and
 * "matant" that staff put before a patient's first name in lower case ("mama simran", "doña
 * chelo", "ti widlyne").
 */
const KINSHIP_TITLES = new Set(
  (
    "mama papa momma grandma grandpa granny nana auntie aunty aunt uncle tita tito don doña " +
    "ti tonton matant"
  ).split(" "),
);

/** Words before a name that make the next capitalised word (or initial) a person. */
const HONORIFICS = new Set([
  ...KINSHIP_TITLES,
  ...(
    "mr mrs ms miss mx dr doctor pastor rev reverend father fr sister brother mayor coach captain " +
    "capt officer judge senator sen rep principal professor prof sheriff chief councilman " +
    "councilwoman baby big little lil lady sir madam mommy señor señora sr sra srta dra ol"
  ).split(" "),
]);

/** Titles written as abbreviations, which a dot and a space may follow ("Mrs. Petrova", "Sra. Ruiz"). */
const ABBREVIATED_TITLES = new Set(
  "mr mrs ms mx dr dra fr rev capt sen rep prof sr sra srta".split(" "),
);

/** Words that make a run of capitalised words a place or an organisation, not a person. */
const PLACE_WORDS = new Set(
  (
    "street st avenue ave road rd lane ln drive dr court ct boulevard blvd way park school elementary " +
    "trl pkwy hwy cir ter pl sq township ortho orthopedics associates " +
    // Job titles: "Registered Polysomnographic Technologist".
    "technologist technician coordinator specialist " +
    "middle high academy college university church fellowship chapel temple mosque synagogue hospital " +
    "clinic center centre medical health healthcare family medicine pharmacy mall market manor village " +
    "heights hills valley county city town department dept fire police library museum foundation " +
    "association society club team coffee cafe bakery restaurant grill bar foodbank bank company inc " +
    "llc corp group neighborhood neighbourhood ymca ywca capitol farmers memorial lake river creek trail " +
    "mountain north south east west central new saint day month week awareness season holiday christmas " +
    "thanksgiving year years care network institute office hall arena stadium field gym studio salon " +
    "spa fitness airlines airport station news tv radio times post tribune gazette state federal " +
    "general garden gardens pavilion plaza square mall campus ward wing unit dental vision " +
    "insurance aetna cigna humana medicare medicaid " +
    "national international university's " +
    // Events: "the Fall Chili Cook-Off", "Harvest Gala".
    "cook-off cookoff festival fest gala fundraiser tournament parade picnic expo marathon 5k 10k strip " +
    // Parts of a building: "Lot B", "Suite C".
    "lot suite building room door gate floor level exit entrance row aisle " +
    // US states: "Washington's smoke rule" is about a state, not a person.
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii " +
    "idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan " +
    "minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina " +
    "dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia washington " +
    "wisconsin wyoming"
  ).split(" "),
);

/**
 * Languages and peoples, which drafts capitalise beside interpreters, communities and events
 * ("our Somali and Afaan Oromo interpreters", "the Filipino ministry"): never a person.
 */
const LANGUAGES_AND_PEOPLES = new Set(
  (
    "english spanish español french german italian portuguese russian ukrainian polish romanian " +
    "greek turkish arabic hebrew persian farsi dari pashto urdu hindi punjabi bengali bangla " +
    "gujarati marathi tamil telugu malayalam kannada nepali sinhala burmese karen karenni chin " +
    "khmer lao thai vietnamese hmong mien chinese mandarin cantonese taiwanese korean japanese " +
    "filipino tagalog ilocano ilokano cebuano visayan indonesian malay samoan tongan fijian " +
    "chuukese marshallese palauan chamorro hawaiian somali amharic tigrinya oromo afaan oromiffa " +
    "swahili kiswahili kinyarwanda kirundi lingala yoruba igbo hausa twi akan wolof fulani " +
    "haitian creole kreyòl patois quechua mixtec zapotec mam kʼicheʼ maya mayan navajo diné lakota " +
    "dakota ojibwe anishinaabe cherokee yupik inupiaq apache hopi asl african american asian " +
    "latino latina latinx hispanic native indigenous european caribbean mexican dominican " +
    "puerto rican cuban salvadoran guatemalan honduran colombian venezuelan brazilian ethiopian " +
    "eritrean somalian kenyan nigerian ghanaian congolese sudanese afghan iraqi syrian yemeni " +
    "bosnian albanian armenian pacific islander micronesian polynesian"
  ).split(" "),
);

const LANGUAGE_CONTEXT =
  /^(?:interpreters?|translators?|translation|speakers?|speaking|language|community|communities|families|ministry|church|elders|youth|women|men|neighbors|neighbours|culture|cultural|heritage|festival|new|radio|version|and|or|$)/;

const MONTHS_AND_DAYS = new Set(
  (
    "january february march april may june july august september october november december " +
    "monday tuesday wednesday thursday friday saturday sunday " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    // Holidays: "church on Easter morning".
    "easter christmas thanksgiving halloween hanukkah passover ramadan diwali kwanzaa eve"
  ).split(" "),
);

/** ", RN" after a name: a clinician signing or being introduced, not a patient. */
const CREDENTIAL_AFTER =
  /^,?\s*\(?(?:RN|BSN|MSN|MD|DO|NP|APRN|ARNP|FNP|FNP-C|FNP-BC|AGNP|PMHNP|PA|PA-C|CMA|MA|LPN|LVN|CNA|DDS|DMD|RDH|DNP|PharmD|RPh|CPhT|PT|DPT|OT|OTR|LCSW|LMSW|LMFT|LMHC|LCPC|LPC|LAc|ND|AuD|OD|DPM|PsyD|PhD|CNM|CPM|CRNA|RD|RDN|IBCLC|CDCES|ATC|DC|MSW|SLP|CCC-SLP|BCBA|RRT|EMT|CHW|CADC|LADC|CPRS)\b/;

const GROUP_NOUNS =
  /^(?:twins|triplets|quadruplets|quints|family|fam|kids|kid|boys|boy|girls|girl|sisters|brothers|household|crew|mom|dad|mother|father|parents|baby)$/i;

/** Words before a lone name that show it is a person being addressed or introduced. */
const GREETINGS = new Set(
  (
    "hi hey hello thanks thank congrats congratulations welcome meet dear bye love bravo " +
    // Spanish and Haitian Creole
    "hola gracias felicidades bienvenida bienvenido querida querido mèsi bonjou felisitasyon"
  ).split(" "),
);

/** "shoutout to Sully", "congrats to Bea": praise addressed to someone by name. */
const PRAISE = new Set([
  "shoutout",
  "shout-out",
  "congrats",
  "congratulations",
  "kudos",
  "props",
  "cheers",
]);

/** "Baldwin counties", "Elm streets": a place word in the plural. */
const isPlaceWord = (lower: string) =>
  PLACE_WORDS.has(lower) ||
  PLACE_WORDS.has(lower.replace(/ies$/, "y")) ||
  PLACE_WORDS.has(lower.replace(/s$/, ""));

/** Words after which a lower-case word is a thing, not a name: "sign of aura", "the ivy". */
const NOUN_DETERMINERS = new Set(
  (
    "a an the of or my your our their his her its this that these those some any no " +
    "un una unos unas el la los las mi mis tu tus su sus del al"
  ).split(" "),
);

/** Words before a place's name: "St. Landry", "Mount Pleasant", "Fort Worth". */
const PLACE_PREFIXES = new Set("st saint mt mount fort ft san santa port cape".split(" "));

/** Initials that name places and times, not people. */
const PLACE_INITIALS = new Set(
  // …and degrees: "Anya Volkova, M.S., CCC-SLP".
  "u.s u.k e.u d.c l.a n.y a.m p.m u.n m.s b.s b.a m.a r.n m.d d.o n.p p.a".split(" "),
);

/** A lone word after these is a place ("Best fish tank in Columbus"), not a person. */
const PLACE_PREPOSITIONS = new Set(["in", "at", "from", "near", "across", "around", "throughout"]);

/** Handles that belong to organisations rather than people. */
const ORGANISATION_HANDLE =
  /ymca|ywca|health|clinic|hospital|lighthouse|nws|weather|american|association|patrol|redcross|aarp|cdc|nih|county|city|dept|fire|police|school|library|foundation|news|gov|church|club|univ|college|market|cafe|coffee|park|council|center|centre|official|pharmacy|team|league|network|alliance|society|institute|coalition|navigator|partners|project|fund|collective|initiative|services|walkers|runners|riders|cyclists|rescue|athletics|sports|booster|academy|hs\b|rec\b|org\b/i;

export type PersonKind = "name" | "honorific" | "initials" | "family" | "handle";

export interface Person extends Match {
  kind: PersonKind;
}

interface Token {
  text: string;
  start: number;
  end: number;
  lower: string;
  capitalised: boolean;
  /** A lower-case word that the words around it show to be a name ("my girl nkechi"). */
  cued: boolean;
  sentenceStart: boolean;
}

/** The field's words with what name-finding needs to know of each, computed once per field. */
function tokens(ctx: FieldContext): Token[] {
  return ctx.remember(tokens, () => readTokens(ctx));
}

function readTokens(ctx: FieldContext): Token[] {
  const sentenceStarts = new Set(
    ctx.sentences.map((s) => ctx.words.find((w) => w.start >= s.start)?.start),
  );
  const lowerCaseStyle = writtenInLowerCase(ctx, sentenceStarts);
  const { firstNames, common, spanish, everyday, ambiguous } = nameLists();
  return ctx.words.map(({ start, end }, i) => {
    const text = ctx.text.slice(start, end);
    const bare = text.replace(/'s$/, "");
    const lower = bare.toLowerCase();
    const previous = ctx.words[i - 1];
    const afterDeterminer =
      !!previous &&
      NOUN_DETERMINERS.has(ctx.text.slice(previous.start, previous.end).toLowerCase());
    // In a post typed all in lower case, "when mateo came in" names Mateo: a first name that is
    // not also an English word, and not after "of" or "the" ("sign of aura"), counts as capitalised.
    // So does a less usual word where the words around it show a person (lowerCaseCue).
    const typedLower = lowerCaseStyle && /^\p{Ll}{2,}$/u.test(bare);
    const cued =
      typedLower && !everyday.has(lower) && !ambiguous.has(lower) && lowerCaseCue(ctx, i);
    const lowerCaseName =
      typedLower &&
      !afterDeterminer &&
      !spanish.has(lower) &&
      !/(?:ando|iendo)$/.test(lower) && // Spanish gerunds: "armando centros de mesa"
      !inflected(lower, common) &&
      ((firstNames.has(lower) && !common.has(lower)) || cued);
    return {
      text: bare,
      start,
      end: start + bare.length,
      lower,
      capitalised: /^\p{Lu}[\p{Ll}'’-]/u.test(bare) || /^\p{Lu}\.?$/u.test(bare) || lowerCaseName,
      cued: lowerCaseName && cued,
      sentenceStart: sentenceStarts.has(start),
    };
  });
}

/** "my girl nkechi", "love u nizhoni": words before a lower-case name that show a person. */
const LOWER_CASE_NAME_BEFORE =
  /\b(?:my|our) (?:girl|guy|boy|man|dude|bestie|buddy|homie|sweet|little|lil)\s+$|\b(?:love|miss|thank|ty|thx) (?:u|you|ya)[,!]?\s+$/;
/**
 * "tyler r. bit me", "kayden's mom", "derek if you're reading this": an initial, a parent, or the
 * writer turning to the person, after a lower-case name.
 */
const LOWER_CASE_NAME_AFTER =
  /^(?: \p{Ll}\.(?!\p{L})|'s (?:mom|mama|dad|papa|parents|grandma|grandpa|family)\b|,? if (?:you're|youre|you are|ur|u r|u are) (?:reading|seeing) this)/u;

/** "my guy tho": chat words are not names. */
const CHAT_WORDS = new Set(
  "tho lol lmao omg fr rn ngl tbh idk imo smh bruh bro sis fam yall hun babe".split(" "),
);

/**
 * Whether the words around the i-th word show that it is a person's name, for a word typed in
 * lower case that is no everyday English word.
 */
function lowerCaseCue(ctx: FieldContext, i: number): boolean {
  const { start, end } = ctx.words[i]!;
  if (CHAT_WORDS.has(ctx.text.slice(start, end))) return false;
  const before = ctx.text.slice(Math.max(0, start - 24), start).toLowerCase();
  // The word may carry its "'s" ("kayden's"): what follows starts at the apostrophe.
  const nameEnd = ctx.text.slice(start, end).endsWith("'s") ? end - 2 : end;
  const after = ctx.text.slice(nameEnd, nameEnd + 32);
  return LOWER_CASE_NAME_BEFORE.test(before) || LOWER_CASE_NAME_AFTER.test(after);
}

/** "skipped", "hugging": a common word with a doubled last letter and -ed or -ing (faker lists "skipped"). */
function inflected(word: string, common: Set<string>): boolean {
  const m = /^(.*?(\p{L}))\2(?:ed|ing)$/u.exec(word);
  return !!m && common.has(m[1]!);
}

/**
 * True when most sentences start in lower case: the writer does not capitalise names either.
 * List items ("• a juice box or a can of regular soda") are fragments and do not count.
 */
function writtenInLowerCase(ctx: FieldContext, sentenceStarts: Set<number | undefined>): boolean {
  const listItem = (start: number) => {
    const lineStart = ctx.text.lastIndexOf("\n", start - 1) + 1;
    return /[^\p{L}\s]/u.test(ctx.text.slice(lineStart, start));
  };
  const firstLetters = ctx.words
    .filter((w) => sentenceStarts.has(w.start) && !listItem(w.start))
    .map((w) => ctx.text[w.start]!)
    .filter((c) => /\p{L}/u.test(c));
  const lower = firstLetters.filter((c) => /\p{Ll}/u.test(c)).length;
  return firstLetters.length > 0 && lower * 2 >= firstLetters.length;
}

function isStaffWord(facts: PracticeFacts, lower: string): boolean {
  const known = (word: string) => facts.staffWords.has(word) || facts.nameWords.has(word);
  // "Wes" for Wesley, "Mari" for Marisol: staff go by the start of their first name.
  const nickname = lower.length >= 3 && facts.staffFirstNames.some((n) => n.startsWith(lower));
  return known(lower) || nickname || (lower.includes("-") && lower.split("-").every(known));
}

const PROVIDER_TITLES = new Set(["dr", "dra", "doctor"]);

/** "Nurse Priya", "Dr. O": a title and a staff name or a staff initial. */
function isStaffTitle(facts: PracticeFacts, honorific: string, next: Token): boolean {
  if (!PROVIDER_TITLES.has(honorific) && honorific !== "nurse") return false;
  return (
    isStaffWord(facts, next.lower) ||
    (next.text.length <= 2 && facts.staffInitials.has(next.lower[0]!))
  );
}

/** A capital letter alone, but not the pronoun ("Can I shower?"). */
const isInitial = (t: Token | undefined) => !!t && /^\p{Lu}$/u.test(t.text) && t.text !== "I";

export function findPeople(ctx: FieldContext): Person[] {
  return ctx.remember(findPeople, () => {
    const facts = practiceFacts(ctx.profile);
    const { names, firstNames, ambiguous, common, spanish, everyday, veryCommon } = nameLists();
    const toks = tokens(ctx);
    const people: Person[] = [];
    const followedByDot = (t: Token) => ctx.text[t.end] === ".";
    /** Two tokens belong to one name only when nothing but a space (or an initial's dot) parts them. */
    const adjacent = (a: Token, b: Token) => {
      const between = ctx.text.slice(a.end, b.start);
      return (
        between === " " || (between === ". " && (isInitial(a) || ABBREVIATED_TITLES.has(a.lower)))
      );
    };

    // "Karen Lopez" is a person, "our Karen interpreters" a people: a language or people that is
    // also a first name counts as one only before a word like "interpreter" or "community".
    const languageAt = new Set(
      toks.flatMap((t, i) =>
        LANGUAGES_AND_PEOPLES.has(t.lower) &&
        (!firstNames.has(t.lower) || LANGUAGE_CONTEXT.test(toks[i + 1]?.lower ?? ""))
          ? [t.start]
          : [],
      ),
    );
    const nameLike = (t: Token) =>
      t.capitalised &&
      !PLACE_WORDS.has(t.lower) &&
      !languageAt.has(t.start) &&
      !facts.placeWords.has(t.lower) &&
      !MONTHS_AND_DAYS.has(t.lower) &&
      !HONORIFICS.has(t.lower);
    const knownName = (t: Token) => names.has(t.lower) && !ambiguous.has(t.lower);
    /** A word typed in lower case that is no common English or Spanish word ("simran", "lindgren"). */
    const uncommonLowerCase = (t: Token | undefined) =>
      !!t && /^\p{Ll}{3,}$/u.test(t.text) && !common.has(t.lower) && !spanish.has(t.lower);

    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;

      if (t.text.startsWith("@")) {
        if (/[\p{L}\p{N}]/u.test(ctx.text[t.start - 1] ?? "")) continue; // part of an e-mail address
        const handle = t.lower;
        const staffHandle = [...facts.staffWords].some((w) => w.length >= 4 && handle.includes(w));
        const practiceHandle = facts.handleStems.some((stem) => handle.includes(stem));
        const doctorHandle = /^@(?:dr[._]|doctor)/.test(handle); // "@dr.ro.retina"
        if (
          !facts.handles.has(handle) &&
          !staffHandle &&
          !practiceHandle &&
          !doctorHandle &&
          !ORGANISATION_HANDLE.test(handle)
        ) {
          people.push({ start: t.start, end: t.end, kind: "handle", detail: "@handle" });
        }
        continue;
      }

      // "J.R.", "M.G.": initials written with dots (but not "U.S.").
      if (
        /^(?:\p{Lu}\.){1,2}\p{Lu}$/u.test(t.text) &&
        followedByDot(t) &&
        !PLACE_INITIALS.has(t.lower)
      ) {
        people.push({ start: t.start, end: t.end + 1, kind: "initials", detail: "initials" });
        continue;
      }

      // "Mrs. Petrova", "Pastor Olusegun Adeyemi", "Big Mike", "Mrs. K.", "baby Amara"
      // "mr okafor", "mrs. k", "mr. hải": a title before a listed name, a single letter, or (with
      // the title's dot) any word that is not an English one.
      const following = toks[i + 1];
      const lowerCaseName =
        !!following &&
        ((ABBREVIATED_TITLES.has(t.lower) &&
          (names.has(following.lower) ||
            otherNames().has(following.lower) ||
            /^\p{L}$/u.test(following.text) ||
            (followedByDot(t) && !common.has(following.lower)))) ||
          // "mama simran", "auntie deepa": a family title before a word that is no English one.
          (KINSHIP_TITLES.has(t.text) && uncommonLowerCase(following)));
      // "a little Tewa" is an adjective, not the nickname "Little Mike".
      const afterArticle = ["a", "an", "the", "my", "our", "your"].includes(
        toks[i - 1]?.lower ?? "",
      );
      // "MS Connections" is multiple sclerosis, not "Ms.".
      const shouted = t.text.length > 1 && t.text === t.text.toUpperCase();
      if (
        HONORIFICS.has(t.lower) &&
        !afterArticle &&
        !shouted &&
        (following?.capitalised || lowerCaseName)
      ) {
        const next = following!;
        // A doctor named by title is a provider, on staff or not ("referred by Dr. Lee").
        if (
          PROVIDER_TITLES.has(t.lower) ||
          isStaffTitle(facts, t.lower, next) ||
          isStaffWord(facts, next.lower)
        ) {
          i++;
          continue;
        }
        let j = i + 1;
        while (
          j + 1 < toks.length &&
          j < i + 3 &&
          nameLike(toks[j + 1]!) &&
          adjacent(toks[j]!, toks[j + 1]!)
        ) {
          j++;
        }
        if ((nameLike(next) || isInitial(next) || lowerCaseName) && adjacent(t, next)) {
          const last = toks[j]!;
          const end = isInitial(last) && followedByDot(last) ? last.end + 1 : last.end;
          people.push({ start: t.start, end, kind: "honorific", detail: "name", who: last.lower });
          i = j;
          continue;
        }
      }

      // "the Nguyen twins", and in lower case "the lindgren fam" (a listed surname, no word)
      const family = toks[i + 1];
      const lowerCaseSurname = uncommonLowerCase(family) && names.has(family!.lower);
      if (
        t.lower === "the" &&
        family &&
        (nameLike(family) || lowerCaseSurname) &&
        !facts.nameWords.has(family.lower) && // "the Sunflower family" is the practice's
        GROUP_NOUNS.test(toks[i + 2]?.text ?? "") &&
        !PLACE_WORDS.has(toks[i + 3]?.lower ?? "")
      ) {
        people.push({
          start: toks[i + 1]!.start,
          end: toks[i + 2]!.end,
          kind: "family",
          detail: "family name",
        });
        i += 2;
        continue;
      }

      if (!nameLike(t)) continue;
      // A run of capitalised words: "Kwame Mensah", "Fatima Al-Sayed", "Gloria S."
      let j = i;
      while (
        j + 1 < toks.length &&
        j < i + 2 &&
        (nameLike(toks[j + 1]!) || isInitial(toks[j + 1])) &&
        adjacent(toks[j]!, toks[j + 1]!)
      ) {
        j++;
      }
      // Ordinary words that happen to be capitalised ("Meet", "Congrats", "Tome") are not part of
      // a name.
      const ordinary = (r: Token) =>
        (common.has(r.lower) || spanish.has(r.lower)) && !names.has(r.lower) && !isInitial(r);
      const inOtherList = (r: Token) => otherNames().has(r.lower) && !common.has(r.lower);
      let first = i;
      let last = j;
      // "Walt Brennecke": a less common word before a listed surname is a first name after all.
      const givenName = (k: number) =>
        k < j &&
        !everyday.has(toks[k]!.lower) &&
        !ambiguous.has(toks[k]!.lower) &&
        (names.has(toks[k + 1]!.lower) || inOtherList(toks[k + 1]!));
      while (first <= last && ordinary(toks[first]!) && !givenName(first)) first++;
      while (last >= first && ordinary(toks[last]!)) last--;
      const run = toks.slice(first, last + 1);
      // "Clase Dulce Vida", "Vida Nueva 90": a name followed by ordinary capitalised words is the
      // title of a class or a program.
      const titled = last < j;
      if (run.length === 0 || titled) {
        i = j;
        continue;
      }
      // "Chandler, AZ 85226", "across Mesa, Gilbert and Chandler": a state after it, or a list of
      // capitalised words after "in" or "across", makes it a place.
      // "Martin Luther King Jr. Day": a suffix does not end the name before an event word.
      const after = ["jr", "sr"].includes(toks[j + 1]?.lower ?? "") ? toks[j + 2] : toks[j + 1];
      const followedByPlace =
        isPlaceWord(after?.lower ?? "") ||
        /^,\s*[A-Z]{2}\b/.test(ctx.text.slice(toks[j]!.end, toks[j]!.end + 5)) ||
        inPlaceList(ctx.text, toks, i);
      const afterPlacePrefix =
        PLACE_PREFIXES.has(toks[i - 1]?.lower ?? "") ||
        (run.length >= 2 && ["in", "near", "across", "around"].includes(toks[i - 1]?.lower ?? ""));
      // "Cataracts, Glaucoma & Macular Degeneration": a condition written in capitals.
      const medicalTerm =
        run.length >= 2 && medicalPhrases().has(run.map((r) => r.lower).join(" "));
      if (
        followedByPlace ||
        afterPlacePrefix ||
        medicalTerm ||
        run.some((r) => PLACE_WORDS.has(r.lower))
      ) {
        i = j;
        continue;
      }
      const words = run.filter((r) => !isInitial(r));
      const head = run[0]!;
      const tail = run[run.length - 1]!;
      // Staff, by first name, surname or both, are not patients ("Linda", "Linda Brooks").
      if (words.length > 0 && words.every((r) => isStaffWord(facts, r.lower))) {
        i = j;
        continue;
      }
      const unknown = (r: Token) =>
        !names.has(r.lower) && !common.has(r.lower) && !spanish.has(r.lower);
      // "Thanks, Deepa." / "meet Vihaan": a greeting or a vocative comma supports a lone name.
      const before = ctx.text.slice(Math.max(0, head.start - 2), head.start);
      const greeted =
        GREETINGS.has(toks[first - 1]?.lower ?? "") ||
        (toks[first - 1]?.lower === "to" && PRAISE.has(toks[first - 2]?.lower ?? "")) ||
        (before === ", " && /^[.!?,]/.test(ctx.text.slice(tail.end, tail.end + 1)));
      const plausible =
        run.length >= 2
          ? // Every word could be part of a name, and one is good evidence: a listed name, a
            // word of the broad list, or an unknown word that is not at a sentence's start.
            words.length > 0 &&
            words.every(
              (r) => names.has(r.lower) || inOtherList(r) || !everyday.has(r.lower) || unknown(r),
            ) &&
            (words.some(
              (r) => knownName(r) || inOtherList(r) || (unknown(r) && !head.sentenceStart),
            ) ||
              // "Diego R.": a first name and an initial.
              (isInitial(tail) && tail === toks[j] && firstNames.has(head.lower)))
          : // One word alone is a person only as a first name ("Hi Carmen!"); a surname alone
            // needs an honorific, and so does a word that is also a place or a thing.
            !veryCommon.has(head.lower) &&
            !isStaffWord(facts, head.lower) &&
            !PLACE_PREPOSITIONS.has(toks[first - 1]?.lower ?? "") &&
            (head.cued ||
              (firstNames.has(head.lower) &&
                // "Walk for Hope": a name that is also a word needs a greeting ("Thanks, Grace!").
                (ambiguous.has(head.lower)
                  ? greeted
                  : !head.sentenceStart ||
                    (knownName(head) && !common.has(head.lower) && !spanish.has(head.lower)))) ||
              // "Hola Yusleidy,": a word of no list right after a greeting, then a comma or "!".
              (greeted &&
                (inOtherList(head) ||
                  (unknown(head) &&
                    GREETINGS.has(toks[first - 1]?.lower ?? "") &&
                    /^[,!]/.test(ctx.text.slice(tail.end, tail.end + 1))))));
      if (
        plausible &&
        !CREDENTIAL_AFTER.test(ctx.text.slice(tail.end, tail.end + 12)) &&
        !isSignature(ctx.text, head.start, tail.end)
      ) {
        const end = isInitial(tail) && followedByDot(tail) ? tail.end + 1 : tail.end;
        people.push({ start: head.start, end, kind: "name", detail: "name", who: tail.lower });
      }
      i = j;
    }
    return people;
  });
}

export const personName: Detector = {
  id: "person-name",
  summary:
    "people's names, first names, nicknames, honorific + name, initials and family names (not staff, not the practice)",
  find: (ctx) => findPeople(ctx).filter((p) => p.kind !== "handle"),
};

export const handle: Detector = {
  id: "handle",
  summary: "@handles that are not the practice's, its staff's or an organisation's",
  find: (ctx) => findPeople(ctx).filter((p) => p.kind === "handle"),
};

/**
 * Staff members named without a doctor's title ("Linda", "Yusuf's"): staff are people too, and
 * a health detail of theirs is patient information. Doctors named by title are at work.
 */
export const staffName: Detector = {
  id: "staff-name",
  summary: "staff members named without a doctor's title, for rules about staff health details",
  find(ctx) {
    const facts = practiceFacts(ctx.profile);
    const toks = tokens(ctx);
    const found: Match[] = [];
    toks.forEach((t, i) => {
      // Written with a capital: staff in a lower-case shout-out are not the subject of a health story.
      if (!/^\p{Lu}/u.test(t.text) || t.lower.length < 3 || !facts.staffWords.has(t.lower)) return;
      if (PROVIDER_TITLES.has(toks[i - 1]?.lower ?? "")) return;
      const next = toks[i + 1];
      const partOfLongerName =
        next?.capitalised &&
        !facts.staffWords.has(next.lower) &&
        ctx.text.slice(t.end, next.start) === " ";
      if (partOfLongerName) return;
      const previous = found[found.length - 1];
      if (previous && /^ $/.test(ctx.text.slice(previous.end, t.start))) previous.end = t.end;
      else found.push({ start: t.start, end: t.end, detail: "staff member" });
    });
    return found;
  },
};

/**
 * "…love, Margie", "— Dale", "🌻 mari q": a name alone at the end of a post, after a line break,
 * a dash or a sign-off, or after an emoji with an initial, is the writer signing, not a patient.
 */
function isSignature(text: string, start: number, end: number): boolean {
  const after = text.slice(end);
  const initial = /^\s+\p{L}\.?/u.exec(after)?.[0] ?? "";
  if (/[\p{L}\p{N}]/u.test(after.slice(initial.length))) return false;
  const before = text.slice(0, start).replace(/[ \t]+$/, "");
  // '"…saved my life." — Precious N.': a quote's attribution names the person quoted.
  if (/["”]\s*[-—–]?$/.test(before)) return false;
  return (
    before === "" ||
    /[\n\-—–]$/.test(before) ||
    /\b(?:love|xo|xoxo|cheers|warmly|sincerely),?$/i.test(before) ||
    (initial !== "" && /\p{Extended_Pictographic}$/u.test(before))
  );
}

/** True when token `i` is in a list of capitalised words that a place preposition opens. */
function inPlaceList(text: string, toks: Token[], i: number): boolean {
  const conjunction = (t: Token) => t.lower === "and" || t.lower === "or";
  let k = i - 1;
  let items = 0;
  while (k >= 0) {
    const t = toks[k]!;
    const next = toks[k + 1]!;
    const between = text.slice(t.end, next.start);
    if (conjunction(t) && between === " ") k--;
    else if (t.capitalised && (/^,\s?$/.test(between) || (between === " " && conjunction(next)))) {
      items++;
      k--;
    } else break;
  }
  return items > 0 && k >= 0 && PLACE_PREPOSITIONS.has(toks[k]!.lower);
}

let phrases: Set<string> | undefined;

/** The vocabulary's terms of two words or more, lower-cased ("macular degeneration"). */
function medicalPhrases(): Set<string> {
  phrases ??= new Set(
    vocabularyTerms(vocabularySections())
      .filter((term) => term.includes(" "))
      .map((term) => term.toLowerCase()),
  );
  return phrases;
}
