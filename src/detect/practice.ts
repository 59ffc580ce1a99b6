import type { Profile } from "../config/config.js";

/** The practice's own details in the forms detectors compare against, computed once per profile. */
export interface PracticeFacts {
  phoneDigits: Set<string>;
  emails: Set<string>;
  domains: Set<string>;
  handles: Set<string>;
  /** Lower-case words of staff names (first and last), and of the practice's names. */
  staffWords: Set<string>;
  staffInitials: Set<string>;
  nameWords: Set<string>;
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
  const staffWords = staff.flatMap((name) =>
    name
      .toLowerCase()
      .split(/[\s-]+/)
      .filter(Boolean),
  );
  facts = {
    phoneDigits: new Set(organization.phones.map(digitsOf)),
    emails: new Set(emails),
    domains: new Set([
      ...organization.websites.map(domainOf),
      ...emails.map((e) => e.split("@")[1]!),
    ]),
    handles: new Set(organization.handles.map((h) => h.toLowerCase().replace(/^@?/, "@"))),
    staffWords: new Set([...staffWords, ...staff.map((name) => name.toLowerCase())]),
    staffInitials: new Set(staffWords.map((w) => w[0]!)),
    nameWords: new Set(
      [organization.name ?? "", ...organization.aliases].flatMap((n) =>
        n.toLowerCase().split(/\s+/),
      ),
    ),
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
