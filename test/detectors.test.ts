// Each detector on real text, through the real ruleset where a rule decides what counts,
// including the hard negatives a privacy officer cares about.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig, type Profile } from "../src/config/config.js";
import { DETECTORS } from "../src/detect/index.js";
import { isPlausibleSsn } from "../src/detect/identifiers.js";
import { lintPost } from "../src/lint/lint-post.js";
import type { Post } from "../src/model.js";
import { FieldContext } from "../src/rules/context.js";
import { loadRuleset } from "../src/rules/ruleset.js";
import { sentences } from "../src/rules/text.js";
import { contiguousField, LineIndex } from "../src/sources/text-field.js";
import { ROOT } from "./helpers/cli.js";

const PROFILE: Profile = {
  ...defaultConfig(""),
  organization: {
    name: "Maple Grove Family Medicine",
    aliases: ["Maple Grove", "MGFM"],
    handles: ["@maplegrovefm"],
    phones: ["(555) 010-2000"],
    emails: ["hello@maplegrovefm.example"],
    websites: ["maplegrovefm.example"],
    addresses: ["1200 Orchard Ave, Springfield, IL 62701"],
  },
  staff: ["Priya Natarajan", "Samuel Okafor", "Linda Brooks"],
};

function post(text: string, meta: Post["meta"] = {}): Post {
  return {
    file: "t",
    fields: [contiguousField("body", text, 0, new LineIndex(text))],
    meta,
    images: [],
  };
}

/** What a detector finds in `text`, as the matched strings. */
function detect(id: string, text: string): string[] {
  const p = post(text);
  const ctx: FieldContext = new FieldContext(p, p.fields[0]!, PROFILE, () => [ctx]);
  return DETECTORS.get(id)!
    .find(ctx)
    .map((m) => text.slice(m.start, m.end));
}

// The written rules only: the text model, a second reader, has its own tests (text-model.test.ts).
const rules = loadRuleset(join(ROOT, "rules.default.yaml"))
  .rules.filter((rule) => rule.kind !== "model")
  .map((rule) => ({ rule, severity: 2 as const }));

/** The rule ids the built-in written rules report for `text`. */
function ruleIds(text: string, meta: Post["meta"] = {}): string[] {
  return [...new Set(lintPost(post(text, meta), rules, PROFILE).map((f) => f.ruleId!))];
}

describe("ssn", () => {
  it("accepts issued-looking numbers and rejects impossible and sample ones", () => {
    expect(isPlausibleSsn("219456789")).toBe(true);
    for (const bad of [
      "000123456",
      "666123456",
      "912345678",
      "219006789",
      "219450000",
      "078051120",
      "123456789",
    ]) {
      expect(isPlausibleSsn(bad)).toBe(false);
    }
    expect(detect("ssn", "SSN 219-45-6789, not 078-05-1120 or 666-12-3456")).toEqual([
      "219-45-6789",
    ]);
  });
});

describe("phone", () => {
  it("finds US numbers in every common form but not the practice's own", () => {
    const text =
      "Call (555) 010-2000 or 555.010.2000. Reach her at 217-555-0134, 217.555.0199, (217) 555 0188, +1 217 555 0177 or 2175550166.";
    expect(detect("phone", text)).toEqual([
      "217-555-0134",
      "217.555.0199",
      "(217) 555 0188",
      "+1 217 555 0177",
      "2175550166",
    ]);
  });

  it("is a finding only near a person, not for organisations", () => {
    expect(
      ruleIds("Does anyone know Raymond Castillo? We can't reach him at 217-555-0134."),
    ).toContain("phi/phone");
    expect(ruleIds("Poison control: 1-800-222-1222. Crisis line: call or text 988.")).not.toContain(
      "phi/phone",
    );
  });
});

describe("email", () => {
  it("finds personal addresses, not the practice's or its domain's", () => {
    expect(
      detect(
        "email",
        "Email hello@maplegrovefm.example or linda.brooks@maplegrovefm.example; ramona.b1962@example.com",
      ),
    ).toEqual(["ramona.b1962@example.com"]);
  });
});

describe("dates and ages", () => {
  it("flags a date of birth and a discharge date, not event dates", () => {
    expect(
      ruleIds("To the gentleman in Room 4 (DOB 07/22/1961): you left your glasses!"),
    ).toContain("phi/birth-date");
    expect(
      ruleIds("Mr. Jankowski was discharged from Memorial on April 2 after his bypass."),
    ).toContain("phi/care-date");
    expect(ruleIds("Extra Saturday clinics on 7/19, 7/26 and 8/2, 8 am to noon.")).toEqual([]);
  });

  it("flags ages over 89, not age ranges or a park's centennial", () => {
    expect(ruleIds("Happy 97th birthday to Harold!")).toContain("phi/age-over-89");
    expect(ruleIds("Our oldest patient turned 104 this week.")).toContain("phi/age-over-89");
    expect(
      ruleIds("People in their 80s and 90s can build muscle. RSV vaccine if you're 75+."),
    ).toEqual([]);
    expect(ruleIds("Happy 100th birthday to Orchard Park!")).toEqual([]);
  });
});

describe("addresses and record numbers", () => {
  it("flags a person's home address, not the practice's or a venue's", () => {
    expect(
      ruleIds(
        "Flowers for Mrs. Vasquez came here; could someone drop them at 1418 Birch Ln? She's recovering.",
      ),
    ).toContain("phi/street-address");
    expect(ruleIds("Coffee with a Doc at Prairie Bean Coffee, 411 E Adams St, Saturday.")).toEqual(
      [],
    );
    expect(ruleIds("Find us at 1200 Orchard Ave, Springfield, IL 62701.")).toEqual([]);
  });

  it("flags record, member, Rx and plate numbers, not meeting IDs", () => {
    expect(ruleIds("Mrs. Petrova (chart #A-55821): your paperwork is ready.")).toContain(
      "phi/record-number",
    );
    expect(ruleIds("Insurance card found: member ID XQB 492 118 307.")).toContain(
      "phi/record-number",
    );
    expect(ruleIds("The silver RAV4 with plate CX 49217 has its lights on.")).toContain(
      "phi/record-number",
    );
    expect(ruleIds("Join on Zoom: meeting ID 845 2231 9087, passcode MAPLE.")).toEqual([]);
  });
});

describe("person-name", () => {
  const NAMES = [
    "Priya Ramanathan",
    "Kwame Mensah",
    "Oluwaseun Adeyemi",
    "Tenzin Dorje",
    "Ngozi Okonkwo",
    "Maria Lopez",
    "Fatima Al-Sayed",
    "Giovanni Russo",
    "Min-jun Kim",
    "Linh Nguyen",
    "Diego Alvarez",
    "Aiko Tanaka",
    "Olga Petrova",
    "Anjali Mehta",
    "Chidi Nwosu",
    "Siobhan O'Brien",
    "Yusuf Demir",
    "Zanele Dlamini",
    "Sione Tupou",
    "Wanjiru Kamau",
  ];

  it.each(NAMES)("finds %s as a patient beside a health detail", (name) => {
    expect(
      ruleIds(`Please keep ${name} in your prayers as they recover from pneumonia.`),
    ).toContain("phi/patient-name");
  });

  it.each([
    // Titles, nicknames, initials and families.
    ["Get well soon, Mr. Abernathy!", ["Mr. Abernathy"]],
    ["Congrats Big Mike on 6 months sober!", ["Big Mike"]],
    ["Shoutout to J.R. from the bakery!", ["J.R."]],
    ["Mrs. K. from Birch Lane, we're proud of you.", ["Mrs. K."]],
    ["So great to see the Nguyen twins today!", ["Nguyen twins"]],
    ["the lindgren fam called six times today lol", ["lindgren fam"]],
    // Names in posts typed in lower case, and a first name with an initial; English and Spanish
    // words that faker also lists as first names stay words.
    ["when mateo in exam 3 asked about his puff test again", ["mateo"]],
    ["so proud of mrs. k for finally doing her eye drops", ["mrs. k"]],
    ["When Diego R. first came to see us, he had asthma.", ["Diego R."]],
    ["On Friday Walt Brennecke finished his last treatment.", ["Walt Brennecke"]],
    ["ay no, bless their hearts pero no. till next time", []],
    // A lower-case word is a name where the words around it show a person; chat words, common
    // words and their inflections stay words.
    ["tyler r. bit me AGAIN today, 3 for 3 this year", ["tyler"]],
    ["shoutout to my girl nkechi, 2 weeks post lip filler", ["nkechi"]],
    ["love u nizhoni, 2 years of band colors together", ["nizhoni"]],
    ["derek if you're reading this: the vaccine takes 10 days", ["derek"]],
    ["kayden's mom called 4 times today about the waitlist", ["kayden"]],
    ["my guy tho, the flu shot line was long today lol", []],
    ["love you all, see you at the 5k. thank you guys", []],
    ["i know some people skipped pharmacology but come on", []],
  ])("finds in %j: %j", (text, expected) => {
    expect(detect("person-name", text)).toEqual(expected);
  });

  it("leaves staff, the practice, doctors by title and sentence-initial words alone", () => {
    expect(
      detect(
        "person-name",
        "Dr. Natarajan and Linda Brooks welcome Dr. Priya and Dr. O to Maple Grove.",
      ),
    ).toEqual([]);
    expect(
      detect(
        "person-name",
        "Grace under pressure. Hope you're well! May is stroke month. Will you join us?",
      ),
    ).toEqual([]);
    expect(detect("person-name", "Referred by Dr. Lee for a second opinion.")).toEqual([]);
  });

  it("does not flag public figures in general health news or composite characters", () => {
    expect(ruleIds("Nick Jonas has talked openly about living with type 1 diabetes.")).toEqual([]);
    expect(
      ruleIds("Meet 'Sam', a composite character: Sam has asthma and wonders about inhalers."),
    ).toEqual([]);
    expect(ruleIds("Thank you to Captain Renee Holloway for leading our CPR refresher.")).toEqual(
      [],
    );
  });

  it("reads Spanish titles and greetings, and a title before a lower-case name", () => {
    expect(ruleIds("Sra. Hernández, lamentamos la confusión con el cobro de la consulta.")).toEqual(
      expect.arrayContaining(["phi/patient-name"]),
    );
    expect(
      ruleIds(
        "ya le dieron de alta a la bebé de doña chelo, estuvo en el hospital con bronquiolitis",
      ),
    ).toContain("phi/patient-name");
    expect(detect("person-name", "La Dra. Benítez atiende los martes.")).toEqual([]);
    expect(detect("person-name", "Hola Yusleidy, puede traer a la bebé mañana a las 10.")).toEqual([
      "Yusleidy",
    ]);
  });

  it("reads Haitian Creole family titles, and takes no credential for a greeted name", () => {
    expect(detect("person-name", "Bravo ti Widlyne! premye vizit dantis li")).toEqual([
      "ti Widlyne",
    ]);
    // A clinician introduced with a credential, and the credential itself, are nobody's name.
    expect(detect("person-name", "Please welcome Sione Fifita, PharmD, to the team!")).toEqual([]);
  });

  it("excuses every mention of someone the rule excused once", () => {
    expect(
      ruleIds(
        "Thank you to Captain Renee Landry, who taught our seizure first aid night. " +
          "Captain Landry's stories about seizures on the truck kept the whole room listening.",
      ),
    ).toEqual([]);
  });

  it("does not take questions, groups in capitals or plural places for people", () => {
    expect(detect("person-name", "Can I shower with my sensor on? Will I feel it?")).toEqual([]);
    expect(detect("person-name", "MS Connections meets monthly for people with MS.")).toEqual([]);
    expect(
      detect("person-name", "Free memory screenings across Mobile and Baldwin counties."),
    ).toEqual([]);
  });

  it("does not take places, events or parts of a building for people", () => {
    expect(
      ruleIds("Infusion patients: park in Lot B; the St. Landry clinic has more room."),
    ).toEqual([]);
    expect(
      ruleIds("Last year 640 of you walked in the Walk for Hope to fund chemo rides for patients."),
    ).toEqual([]);
  });

  it("does not take languages, peoples, holidays, clinicians or staff nicknames for patients", () => {
    expect(
      detect("person-name", "Our Somali, Hmong and Afaan Oromo interpreters join home visits."),
    ).toEqual([]);
    // A people that is also a first name is a person unless a word like "interpreters" follows.
    expect(ruleIds("Congrats to Karen Lopez on finishing chemo today!")).toContain(
      "phi/patient-name",
    );
    expect(
      detect("person-name", "Closed for Martin Luther King Jr. Day; chest pain? Call 911."),
    ).toEqual([]);
    expect(
      detect("person-name", "Josie Herrera, APRN, sees diabetes patients on Thursdays."),
    ).toEqual([]);
    expect(detect("person-name", "Aunty Sam is back at the front desk after his cold.")).toEqual(
      [],
    );
  });

  it("does not take a staff birthday or a city for a patient", () => {
    expect(ruleIds("Happy birthday to our practice manager, Linda Brooks!")).toEqual([]);
    expect(ruleIds("Best waiting-room fish tank in Columbus, say our newborn visitors.")).toEqual(
      [],
    );
  });
});

describe("handles, confirmations, case stories and teases", () => {
  it("flags a patient @handle, not the practice's or an organisation's", () => {
    expect(ruleIds("@hamidkarimi_ hope the new CPAP mask is fitting better!")).toContain(
      "phi/patient-handle",
    );
    expect(ruleIds("Thanks @SpringfieldYMCA for hosting our blood pressure screening!")).toEqual(
      [],
    );
    // The practice's name run together marks its own accounts, like a fundraising handle.
    expect(ruleIds("Donate to our chemo ride fund via Venmo @MapleGroveCares!")).toEqual([]);
  });

  it("flags replies that confirm the reader's own care, not compliant replies", () => {
    const reply = { inReplyTo: "google_review:1" };
    expect(ruleIds("We're sorry your strep test took so long to come back!", reply)).toContain(
      "phi/confirmation",
    );
    expect(
      ruleIds(
        "Thanks for reaching out. We can't confirm whether someone is a patient; please call us.",
        reply,
      ),
    ).toEqual([]);
    // Words inside an e-mail address are not prose: "care@" is not the reader's care.
    expect(
      ruleIds(
        "Sorry about the app crash! Email care@maplegrovefm.example with your phone model.",
        reply,
      ),
    ).toEqual([]);
  });

  it("flags a case story with enough details, not an aggregate", () => {
    expect(
      ruleIds(
        "On Tuesday we diagnosed Lyme disease in a 41-year-old mail carrier from the Oak Knoll neighborhood.",
      ),
    ).toContain("phi/case-story");
    expect(
      ruleIds("On Tuesday Dr. Okafor delivered twins for a 41-year-old pharmacist from Oak Knoll."),
    ).toContain("phi/case-story");
    expect(
      ruleIds(
        "This month we enrolled a 67-year-old retired nurse from Goose Creek with a rare sarcoma.",
      ),
    ).toContain("phi/case-story");
    expect(ruleIds("We gave 1,240 flu shots between September and December.")).toEqual([]);
  });

  it("flags guess-who teases", () => {
    expect(
      ruleIds("You'll never guess which city council member was in today for a consult 👀"),
    ).toContain("phi/tease");
    expect(ruleIds("Guess what? Flu shots are here!")).toEqual([]);
  });
});

describe("practice-name", () => {
  it("finds the practice's name, aliases and handle", () => {
    expect(detect("practice-name", "See you at Maple Grove, or follow @maplegrovefm!")).toEqual([
      "Maple Grove",
      "@maplegrovefm",
    ]);
  });
});

describe("sentences", () => {
  it("does not end a sentence at an initial, a title or inside brackets", () => {
    const text = "Michael J. Fox met Dr. Lee (really!) at St. Mary's. Then he left.";
    expect(sentences(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      "Michael J. Fox met Dr. Lee (really!) at St. Mary's.",
      "Then he left.",
    ]);
  });
});
