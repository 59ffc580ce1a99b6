import type { Profile } from "../config/config.js";
import type { Matcher } from "../rules/matchers.js";
import { termsMatcher } from "../rules/terms.js";
import type { Detector } from "./detector.js";

/** The practice's own details in the forms detectors compare against, computed once per profile. */
export interface PracticeFacts {
  phoneDigits: Set<string>;
  emails: Set<string>;
  domains: Set<string>;
  handles: Set<string>;
  /** Lower-case words of staff names (first and last), and of the practice's names. */
  staffWords: Set<string>;
  /** Lower-case first names of staff, for nicknames ("Wes" for Wesley). */
  staffFirstNames: string[];
  staffInitials: Set<string>;
  nameWords: Set<string>;
  /**
   * The practice's name run together ("prairiebluff"), and its town when that is two words or more
   * ("kesslerfalls"): a handle holding one is the practice's or a local organisation's.
   */
  handleStems: string[];
  addresses: string[];
  /** Words of the practice's addresses ("Phoenix", "Mesa"): places, never people. */
  placeWords: Set<string>;
}

const cache = new WeakMap<Profile, PracticeFacts>();

export const digitsOf = (text: string) => text.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");

function domainOf(site: string): string {
  return site
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^www\./, "")
    .split(/[/?#]/)[0]!;
}

export function practiceFacts(profile: Profile): PracticeFacts {
  let facts = cache.get(profile);
  if (facts) return facts;
  const { organization, staff } = profile;
  const emails = organization.emails.map((e) => e.toLowerCase());
  // 'Wesley "Wes" Tall Bull': the quoted nickname counts as a word of the name.
  const staffNames = staff.map((name) => name.toLowerCase().replace(/["“”()]/g, ""));
  const staffWords = staffNames.flatMap((name) => name.split(/[\s-]+/).filter(Boolean));
  facts = {
    phoneDigits: new Set(organization.phones.map(digitsOf)),
    emails: new Set(emails),
    domains: new Set([
      ...organization.websites.map(domainOf),
      ...emails.map((e) => e.split("@")[1]!),
    ]),
    handles: new Set(organization.handles.map((h) => h.toLowerCase().replace(/^@?/, "@"))),
    staffWords: new Set([...staffWords, ...staffNames]),
    staffFirstNames: staffNames.map((name) => name.split(/\s+/)[0]!).filter(Boolean),
    staffInitials: new Set(staffWords.map((w) => w[0]!)),
    nameWords: new Set(
      [organization.name ?? "", ...organization.aliases].flatMap((n) =>
        n.toLowerCase().split(/\s+/),
      ),
    ),
    handleStems: [
      ...handleStems([organization.name ?? "", ...organization.aliases]),
      ...townStems(organization.addresses),
    ],
    addresses: organization.addresses.map((a) => a.toLowerCase()),
    placeWords: new Set(
      organization.addresses
        .flatMap((a) => a.toLowerCase().split(/[\s,.]+/))
        .filter((w) => /^\p{L}{3,}$/u.test(w)),
    ),
  };
  cache.set(profile, facts);
  return facts;
}

/** True when a host name is the practice's domain or one of its sub-domains. */
export function isPracticeDomain(facts: PracticeFacts, host: string): boolean {
  const domain = domainOf(host);
  return [...facts.domains].some((d) => domain === d || domain.endsWith(`.${d}`));
}

const nameMatchers = new WeakMap<Profile, Matcher>();

/** The practice named by its name, an alias or its @handle: "see you at Brightwater". */
export const practiceName: Detector = {
  id: "practice-name",
  summary:
    "the practice's own name, aliases and @handles, for rules about speaking for the practice",
  find(ctx) {
    let matcher = nameMatchers.get(ctx.profile);
    if (!matcher) {
      const { name, aliases, handles } = ctx.profile.organization;
      const names = [name ?? "", ...aliases, ...handles].filter((n) => n.trim() !== "");
      matcher = termsMatcher(names, { inflect: false });
      nameMatchers.set(ctx.profile, matcher);
    }
    return matcher.find(ctx);
  },
};

/** "Prairie Bluff Cancer Center" → "prairiebluff"; a long single first word counts alone. */
function handleStems(names: string[]): string[] {
  return names.flatMap((name) => {
    const words = name.toLowerCase().match(/\p{L}+/gu) ?? [];
    const stems = words.length >= 2 ? [words[0]! + words[1]!] : [];
    if ((words[0]?.length ?? 0) >= 8) stems.push(words[0]!);
    return stems;
  });
}

/** "4120 Lantern Hill Rd, Kessler Falls, OH 44001" → "kesslerfalls"; one-word towns are too common. */
function townStems(addresses: string[]): string[] {
  return addresses.flatMap((address) => {
    const town =
      address
        .split(",")[1]
        ?.toLowerCase()
        .match(/\p{L}+/gu) ?? [];
    return town.length >= 2 ? [town.join("")] : [];
  });
}
