// HIPAA Safe Harbor identifiers that need validation, not just a shape (45 CFR 164.514(b)(2)).
import { findNumbers as findNumbersTyped, type NumberFound } from "libphonenumber-js";
import type { FieldContext } from "../rules/context.js";
import type { Match } from "../rules/matchers.js";
import type { Detector } from "./detector.js";
import { digitsOf, isPracticeDomain, practiceFacts } from "./practice.js";

function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  return [...text.matchAll(re)] as RegExpExecArray[];
}

/** Numbers the SSA never issues, and numbers printed in ads and documentation. */
const SAMPLE_SSNS = new Set(["078051120", "219099999", "123456789", "111111111", "987654320"]);

export function isPlausibleSsn(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  return !SAMPLE_SSNS.has(digits) && !(digits >= "987654320" && digits <= "987654329");
}

export const ssn: Detector = {
  id: "ssn",
  summary:
    "US social security numbers, validated (impossible areas, groups, serials and sample numbers rejected)",
  find(ctx) {
    const dashed = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
    const keyed = /\b(?:ssn|social security(?: number| no\.?| #)?)\s*[:#]?\s*(\d{9})\b/gi;
    return [...allMatches(ctx.text, dashed), ...allMatches(ctx.text, keyed)]
      .filter((m) => isPlausibleSsn(digitsOf(m[0]).slice(-9)))
      .map((m) => {
        const digits = /\d/.exec(m[0])!.index;
        return {
          start: m.index + digits,
          end: m.index + m[0].length,
          detail: "social security number",
        };
      });
  },
};

/**
 * libphonenumber-js accepts `leniency` at run time but its types leave it out. POSSIBLE (right
 * length for the country) is what we want: fictional 555-01xx numbers are not "valid" numbers,
 * yet they are what drafts and test data are full of.
 */
const findNumbers = findNumbersTyped as unknown as (
  text: string,
  options: { defaultCountry: "US"; v2: true; leniency: "POSSIBLE" },
) => NumberFound[];

const TOLL_FREE = /^8(?:00|33|44|55|66|77|88)/;

/** Pieces of text that cannot hold one phone number, so numbers in a list are read one by one. */
const PHONE_CHUNK = /[^,;\n]+/g;

export const phone: Detector = {
  id: "phone",
  summary:
    "phone and fax numbers in US forms ((555) 010-2000, 555.010.2000, +1 555 010 2000, 5550102000) that are not the practice's",
  find(ctx) {
    const { phoneDigits } = practiceFacts(ctx.profile);
    return allMatches(ctx.text, PHONE_CHUNK).flatMap((chunk) =>
      findNumbers(chunk[0], { defaultCountry: "US", v2: true, leniency: "POSSIBLE" })
        .filter((found) => !phoneDigits.has(digitsOf(found.number.number)))
        // Toll-free numbers belong to organisations, never to a person.
        .filter((found) => !TOLL_FREE.test(digitsOf(found.number.number)))
        .map((found) => ({
          start: chunk.index + found.startsAt,
          end: chunk.index + found.endsAt,
          detail: "phone number",
        })),
    );
  },
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export const email: Detector = {
  id: "email",
  summary: "e-mail addresses outside the practice's own addresses and domains",
  find(ctx) {
    const facts = practiceFacts(ctx.profile);
    return allMatches(ctx.text, EMAIL)
      .filter((m) => {
        const address = m[0].toLowerCase();
        return !facts.emails.has(address) && !isPracticeDomain(facts, address.split("@")[1]!);
      })
      .map((m) => ({ start: m.index, end: m.index + m[0].length, detail: "e-mail address" }));
  },
};

const IPV4 = /(?<![\d.]|v|version )(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/gi;

export const ipAddress: Detector = {
  id: "ip-address",
  summary: "IPv4 addresses (each part 0-255; version numbers are not addresses)",
  find(ctx) {
    return allMatches(ctx.text, IPV4)
      .filter((m) => m[0].split(".").every((part) => Number(part) <= 255))
      .map((m) => ({ start: m.index, end: m.index + m[0].length, detail: "IP address" }));
  },
};

/** Hosts where a path names a person's own profile. */
const PROFILE_HOSTS =
  /\b(?:https?:\/\/)?(?:www\.|m\.)?(?:facebook\.com|fb\.com|instagram\.com|tiktok\.com\/@|x\.com|twitter\.com|linkedin\.com\/in|threads\.net\/@)\/?([A-Za-z0-9._-]{2,})/gi;

export const personalUrl: Detector = {
  id: "personal-url",
  summary: "links to a person's social-media profile that are not the practice's own",
  find(ctx) {
    const { handles } = practiceFacts(ctx.profile);
    return allMatches(ctx.text, PROFILE_HOSTS)
      .filter((m) => !handles.has(`@${m[1]!.toLowerCase()}`))
      .map((m) => ({ start: m.index, end: m.index + m[0].length, detail: "profile link" }));
  },
};

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DATE_PATTERNS = [
  // 07/22/1961, 7-22-61, 2/14
  String.raw`(?<![\d/.-])(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])(?:[/.-](?:19|20)?\d{2})?(?![\d/-]|\.\d)`,
  // 1961-07-22
  String.raw`(?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)`,
  // July 22, 1961 · Jul. 22nd · April 2
  String.raw`\b${MONTH}\.?\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{2})?\b`,
  // 22 July 1961
  String.raw`\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b(?:,?\s+(?:19|20)\d{2})?`,
  // Monday, Tuesday's, last Friday
  String.raw`\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)?\b`,
  String.raw`\b(?:yesterday|this morning|last night|tonight|today)\b`,
];
const DATE = new RegExp(DATE_PATTERNS.join("|"), "gi");

export function findDates(ctx: FieldContext): Match[] {
  return ctx.remember(DATE, () =>
    allMatches(ctx.text, DATE).map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      detail: "date",
    })),
  );
}

export const date: Detector = {
  id: "date",
  summary:
    "dates (07/22/1961, 1961-07-22, July 22, 1961, 22 July, weekdays, today); rules decide whose",
  find: findDates,
};

const STREET_SUFFIX = `(?:${"st street ave avenue rd road ln lane blvd boulevard dr drive ct court way pl place ter terrace cir circle pkwy parkway hwy highway trl trail"
  .split(" ")
  .flatMap((s) => [s[0]!.toUpperCase() + s.slice(1), s.toUpperCase()])
  .join("|")})`;
const STREET_ADDRESS = new RegExp(
  String.raw`(?<![\d#])\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}'-]*\s+){1,3}${STREET_SUFFIX}\b\.?(?:\s+(?:apt|unit|#)\s*\w+)?(?:,\s*\p{Lu}[\p{L} ]+)?(?:,?\s*[A-Z]{2})?(?:\s+\d{5}(?:-\d{4})?)?`,
  "gu",
);

/** Spelled-out and abbreviated street words, so "4410 E. Camelback Road" is "4410 e camelback rd". */
const STREET_WORDS: Record<string, string> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  street: "st",
  avenue: "ave",
  road: "rd",
  lane: "ln",
  drive: "dr",
  court: "ct",
  boulevard: "blvd",
  place: "pl",
  terrace: "ter",
  circle: "cir",
  parkway: "pkwy",
  highway: "hwy",
  trail: "trl",
};

const SUFFIXES = new Set([
  "st",
  "ave",
  "rd",
  "ln",
  "dr",
  "ct",
  "blvd",
  "pl",
  "ter",
  "cir",
  "pkwy",
  "hwy",
  "trl",
  "way",
]);

/** The number and street of an address, in one spelling: what tells two addresses apart. */
export function streetKey(address: string): string {
  const words = address
    .toLowerCase()
    .replace(/[.,]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w);
  const suffix = words.findIndex((w, i) => i > 0 && SUFFIXES.has(w));
  return words.slice(0, suffix > 0 ? suffix + 1 : 3).join(" ");
}

export const streetAddress: Detector = {
  id: "street-address",
  summary:
    "street addresses (number, street, suffix, optional city, state and ZIP) other than the practice's",
  find(ctx) {
    const own = practiceFacts(ctx.profile).addresses.map(streetKey);
    return allMatches(ctx.text, STREET_ADDRESS)
      .filter((m) => !own.includes(streetKey(m[0])))
      .map((m) => ({ start: m.index, end: m.index + m[0].length, detail: "street address" }));
  },
};
