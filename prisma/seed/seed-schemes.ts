import type { Prisma, PrismaClient } from "../../src/generated/prisma/client";
import type { DeliveryRag, SchemeCategory, SchemeStage, SchemeType } from "../../src/generated/prisma/enums";
import { elapsedMonths, financialYearOf, monthLabel, type FinancialMonth } from "../../src/lib/financial-year";
import { formatMoney } from "../../src/lib/money";
import { schemeCode } from "../../src/modules/schemes/scheme-rules";

/**
 * Demo CIP and QIPP schemes (see prisma/seed/data/README.md, "Demo schemes", for what is real and
 * what is illustrative). The schemes are written below as a compact spec; everything else (codes,
 * in-year values, monthly plan / forecast / actual, monthly updates, savings targets, closed
 * months) is generated from it and from `now`, with a seeded PRNG, so every run is identical.
 *
 * - The NEL Provider Productivity workstreams' savings (back office c.£10.7m, bank & agency
 *   c.£8.6m, pathology c.£3.5m, procurement c.£7.6m) are split across Barts Health, BHRUT and
 *   Homerton as schemes on the matching workstreams: the full-year effects add up exactly to the
 *   paper's figures (NEL_SPLIT_K documents the split).
 * - Local CIPs per trust, QIPP schemes for the two ICBs, LTH CIPs (no workstream: LTH's
 *   programmes have none).
 *
 * Idempotent: a scheme is matched on organisation + code and left alone when present (its months
 * and updates are only written with it); users, memberships, targets and closed months are
 * matched on their keys. A second run with the same `now` changes nothing. About 15 queries.
 */
export async function seedSchemes(db: PrismaClient, now = new Date()): Promise<void> {
  await db.$transaction((tx) => seed(tx, now), { maxWait: 30_000, timeout: 120_000 });
}

/* ----------------------------------------------------------------------------------------------
 * Extra scheme leads (same password as the other demo users; LEAD at one organisation)
 * -------------------------------------------------------------------------------------------- */

export const DEMO_SCHEME_LEADS = [
  {
    email: "bh-procurement-lead@demo.nhs.uk",
    name: "Claire Dunmore",
    jobTitle: "Associate Director of Procurement",
    organisationCode: "BH",
  },
  {
    email: "bh-workforce-lead@demo.nhs.uk",
    name: "Kwame Mensah",
    jobTitle: "Deputy Director of Workforce",
    organisationCode: "BH",
  },
  {
    email: "bhrut-lead@demo.nhs.uk",
    name: "Joanne Pike",
    jobTitle: "Head of Financial Recovery",
    organisationCode: "BHRUT",
  },
  {
    email: "bhrut-medicine-lead@demo.nhs.uk",
    name: "Anil Chaudhry",
    jobTitle: "Divisional Director of Operations, Medicine",
    organisationCode: "BHRUT",
  },
  {
    email: "bhrut-clinical-support-lead@demo.nhs.uk",
    name: "Fiona Gallagher",
    jobTitle: "Director of Operations, Clinical Support Services",
    organisationCode: "BHRUT",
  },
  {
    email: "huh-lead@demo.nhs.uk",
    name: "Daniel Osei",
    jobTitle: "Head of Financial Improvement",
    organisationCode: "HUH",
  },
  {
    email: "huh-community-lead@demo.nhs.uk",
    name: "Ruth Abrahams",
    jobTitle: "Director of Community Health Services",
    organisationCode: "HUH",
  },
  {
    email: "lth-pharmacy-lead@demo.nhs.uk",
    name: "Graham Whitworth",
    jobTitle: "Chief Pharmacist",
    organisationCode: "LTH",
  },
  {
    email: "lth-workforce-lead@demo.nhs.uk",
    name: "Nadia Hussain",
    jobTitle: "Deputy Director of Workforce",
    organisationCode: "LTH",
  },
  {
    email: "nel-medicines-lead@demo.nhs.uk",
    name: "Imran Siddiqui",
    jobTitle: "Head of Medicines Optimisation",
    organisationCode: "NEL",
  },
  {
    email: "nel-chc-lead@demo.nhs.uk",
    name: "Lorraine Baptiste",
    jobTitle: "Head of Continuing Healthcare",
    organisationCode: "NEL",
  },
  {
    email: "lsc-medicines-lead@demo.nhs.uk",
    name: "Catherine Holt",
    jobTitle: "Head of Medicines Optimisation",
    organisationCode: "LSC",
  },
  {
    email: "lsc-commissioning-lead@demo.nhs.uk",
    name: "Peter Lomax",
    jobTitle: "Associate Director of Commissioning",
    organisationCode: "LSC",
  },
] as const;

/** The demo user whose password hash the extra leads share. */
const HASH_DONOR = "lead@demo.nhs.uk";
/** Who closes a trust's months: its finance user, else the NEL system PMO. */
const CLOSED_BY: Record<string, string> = { BH: "finance@demo.nhs.uk", LTH: "lth-finance@demo.nhs.uk" };
const SYSTEM_PMO = "pmo@demo.nhs.uk";

/** Savings target = identified in-year value (current year) x this, rounded up to £100k. */
const TARGET_RATIO: Record<OrgCode, number> = { BH: 1.25, BHRUT: 1.35, HUH: 1.3, LTH: 1.4, NEL: 1.2, LSC: 1.3 };

/* ----------------------------------------------------------------------------------------------
 * The spec
 * -------------------------------------------------------------------------------------------- */

type OrgCode = "BH" | "BHRUT" | "HUH" | "LTH" | "NEL" | "LSC";
const ORG_CODES: readonly OrgCode[] = ["BH", "BHRUT", "HUH", "LTH", "NEL", "LSC"];

const NEL_SYSTEM = "North East London";
const NEL_PROGRAMME = "Provider Productivity";
const HR = "Bank & agency and back office (HR)";
const FIN = "Back office (Finance)";
const PATH = "Pathology";
const PROC = "Procurement";
const IT = "IT (back office)";
type WorkstreamName = typeof HR | typeof FIN | typeof PATH | typeof PROC | typeof IT;

/**
 * How the paper's savings are split, in £k of full-year effect (the spec below must add up to
 * this; the seed checks it). Bank & agency (sub-categories Agency and Bank) c.£8.6m and the HR,
 * Finance and IT back office (the paper's c.£10.7m) all sit on their named workstreams.
 */
export const NEL_SPLIT_K = {
  "Bank and agency": { BH: 4700, BHRUT: 2400, HUH: 1500 }, // 8,600
  "HR back office": { BH: 1600, BHRUT: 850, HUH: 550 }, // 3,000
  "Finance back office": { BH: 2200, BHRUT: 1300, HUH: 600 }, // 4,100
  "IT back office": { BH: 2000, BHRUT: 1000, HUH: 600 }, // 3,600 (back office 10,700)
  Pathology: { BH: 1900, BHRUT: 1000, HUH: 600 }, // 3,500
  Procurement: { BH: 4200, BHRUT: 2200, HUH: 1200 }, // 7,600
} as const;

/** Which NEL_SPLIT_K line a linked scheme counts towards. */
function splitLine(workstream: WorkstreamName, sub: string): keyof typeof NEL_SPLIT_K {
  switch (workstream) {
    case HR:
      return sub === "HR back office" ? "HR back office" : "Bank and agency";
    case FIN:
      return "Finance back office";
    case IT:
      return "IT back office";
    case PATH:
      return "Pathology";
    case PROC:
      return "Procurement";
  }
}

type Pace = "ahead" | "onTrack" | "behind" | "wellBehind";

interface Spec {
  div: string | null;
  title: string;
  desc: string;
  /** Local part of a demo e-mail address ("lead" = lead@demo.nhs.uk). */
  lead: string;
  cat: SchemeCategory;
  sub: string;
  /** Full-year effect in £k (non-recurrent: the one-off value). */
  k: number;
  stage: SchemeStage;
  rag?: DeliveryRag;
  /**
   * Start month. Delivery, complete and previous-year schemes: the month (1 = April). Other
   * stages: months after the current month (defaults: planning 1, opportunity 3, others 2).
   */
  start?: number;
  ws?: WorkstreamName;
  /** Non-recurrent. */
  nr?: true;
  /** Not cash-releasing (productivity). */
  nc?: true;
  /** WTE reduction [substantive, bank, agency]; negative = posts added. */
  wte?: [number, number, number];
  /** Delivery against plan; default from the RAG (green on track, amber behind, red well behind). */
  pace?: Pace;
  /** In the previous financial year (complete). */
  prev?: true;
  /** Monthly updates: "stale" = none for the latest elapsed month; "none" = none at all. */
  updates?: "stale" | "none";
  /** RAG of the update before the latest, when it differs. */
  prevRag?: DeliveryRag;
}

const at = (org: OrgCode, specs: Spec[]) => specs.map((spec) => ({ org, ...spec }));

const NEL_INITIATIVE = (n: string, text: string) => `NEL Provider Productivity initiative ${n}: ${text}`;

const SPECS: (Spec & { org: OrgCode })[] = [
  /* -------------------------------- Barts Health (BH) -------------------------------- */
  ...at("BH", [
    // Previous year
    {
      div: "Medicine and Emergency Care",
      title: "Nursing agency: end off-framework agency use",
      desc: "Removed all off-framework nursing agency bookings; shifts above cap need executive approval.",
      lead: "lead",
      cat: "PAY",
      sub: "Agency",
      k: 750,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
      wte: [0, -5, 9],
      prev: true,
    },
    {
      div: "Surgery",
      title: "Orthopaedic implants: price benchmarking",
      desc: "Renegotiated hip and knee implant prices to the national benchmark price.",
      lead: "bh-procurement-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 320,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 4,
      prev: true,
    },
    // NEL workstream: bank & agency and HR back office
    {
      ws: HR,
      div: "Medicine and Emergency Care",
      title: "NEL agency rate card: nursing and midwifery",
      desc: NEL_INITIATIVE(
        "1.1",
        "moves nursing and midwifery agency bookings to the single NEL rate card agreed with the other acute trusts.",
      ),
      lead: "bh-workforce-lead",
      cat: "PAY",
      sub: "Agency",
      k: 1600,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 1,
      wte: [0, -6, 14],
      prevRag: "GREEN",
    },
    {
      ws: HR,
      div: "Medicine and Emergency Care",
      title: "Medical locum rate card and price cap compliance",
      desc: NEL_INITIATIVE(
        "1.1",
        "pays medical locums at the NEL rate card; breaches of the price cap go to the medical director.",
      ),
      lead: "lead",
      cat: "PAY",
      sub: "Agency",
      k: 1350,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 2,
      wte: [0, 0, 6],
    },
    {
      ws: HR,
      div: "Surgery",
      title: "Shared NEL staff bank: convert agency shifts to bank",
      desc: NEL_INITIATIVE("1.2", "fills surgical ward shifts from a shared NEL bank instead of agencies."),
      lead: "bh-workforce-lead",
      cat: "PAY",
      sub: "Bank",
      k: 950,
      stage: "PLANNING",
      rag: "AMBER",
      wte: [0, -18, 22],
    },
    {
      ws: HR,
      div: "Women and Children",
      title: "E-rostering: single approach to roster management",
      desc: NEL_INITIATIVE(
        "1.2",
        "rosters midwifery and paediatric nursing six weeks ahead, cutting short-notice bank requests.",
      ),
      lead: "lead",
      cat: "PAY",
      sub: "Bank",
      k: 800,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 3,
      wte: [0, 9, 0],
    },
    {
      ws: HR,
      div: "Corporate Services",
      title: "Shared HR transactional service",
      desc: NEL_INITIATIVE("1.4", "moves payroll, pensions and recruitment administration to a shared NEL service."),
      lead: "bh-workforce-lead",
      cat: "PAY",
      sub: "HR back office",
      k: 1150,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 4,
      wte: [24, 0, 0],
    },
    {
      ws: HR,
      div: "Corporate Services",
      title: "Occupational health: one service across NEL",
      desc: NEL_INITIATIVE(
        "1.3",
        "consolidates occupational health teams after the workforce shared-services option appraisal.",
      ),
      lead: "bh-workforce-lead",
      cat: "PAY",
      sub: "HR back office",
      k: 450,
      stage: "OPPORTUNITY",
      wte: [6, 0, 0],
    },
    // NEL workstream: finance back office
    {
      ws: FIN,
      div: "Corporate Services",
      title: "Common NEL financial platform",
      desc: NEL_INITIATIVE(
        "2.1",
        "moves the ledger and transactional finance to a common platform run as a shared service.",
      ),
      lead: "finance",
      cat: "PAY",
      sub: "Finance back office",
      k: 1450,
      stage: "PLANNING",
      rag: "GREEN",
      start: 2,
      wte: [18, 0, 2],
    },
    {
      ws: FIN,
      div: "Corporate Services",
      title: "Shared costing and financial planning team",
      desc: NEL_INITIATIVE("2.2", "shares scarce costing and investment-analysis staff with BHRUT and Homerton."),
      lead: "finance",
      cat: "PAY",
      sub: "Finance back office",
      k: 750,
      stage: "OPPORTUNITY",
      wte: [9, 0, 0],
    },
    // NEL workstream: IT back office
    {
      ws: IT,
      div: "Corporate Services",
      title: "Single NEL telecoms provider",
      desc: NEL_INITIATIVE("5.2", "moves fixed and mobile telecoms to one NEL-wide contract."),
      lead: "finance",
      cat: "NON_PAY",
      sub: "IT and digital",
      k: 900,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 2,
    },
    {
      ws: IT,
      div: "Corporate Services",
      title: "Shared data centre and device rental model",
      desc: NEL_INITIATIVE(
        "5.3",
        "closes the trust's two data centres in favour of shared provision and rents end-user devices.",
      ),
      lead: "finance",
      cat: "NON_PAY",
      sub: "IT and digital",
      k: 1100,
      stage: "PLANNING",
      rag: "AMBER",
      start: 3,
    },
    // NEL workstream: pathology
    {
      ws: PATH,
      div: "Clinical Support Services",
      title: "NEL pathology reagents and consumables contract",
      desc: NEL_INITIATIVE("3.5", "buys reagents, consumables and analyser maintenance on one NEL contract."),
      lead: "lead",
      cat: "NON_PAY",
      sub: "Clinical supplies",
      k: 1100,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
    },
    {
      ws: PATH,
      div: "Clinical Support Services",
      title: "Repatriate outsourced specialist tests",
      desc: NEL_INITIATIVE("3.3", "brings specialist immunology and virology tests back from external laboratories."),
      lead: "lead",
      cat: "NON_PAY",
      sub: "Outsourced services",
      k: 800,
      stage: "DELIVERY",
      rag: "RED",
      start: 3,
      prevRag: "AMBER",
      updates: "stale",
    },
    // NEL workstream: procurement
    {
      ws: PROC,
      div: "Surgery",
      title: "Catalogue rationalisation: theatre consumables",
      desc: NEL_INITIATIVE("4.3", "standardises theatre packs, sutures and drapes on the NHS Supply Chain core range."),
      lead: "bh-procurement-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 1400,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      pace: "ahead",
    },
    {
      ws: PROC,
      div: "Medicine and Emergency Care",
      title: "Catalogue rationalisation: ward and outpatient consumables",
      desc: NEL_INITIATIVE("4.3", "reduces the ward catalogue to the agreed core products."),
      lead: "bh-procurement-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 1200,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 2,
    },
    {
      ws: PROC,
      div: "Corporate Services",
      title: "Consolidated NEL soft facilities management contract",
      desc: NEL_INITIATIVE(
        "4.2",
        "re-tenders cleaning, portering and catering as one contract with the other NEL providers.",
      ),
      lead: "bh-procurement-lead",
      cat: "NON_PAY",
      sub: "Estates",
      k: 1600,
      stage: "PLANNING",
      rag: "AMBER",
      start: 3,
    },
    // Local CIPs
    {
      div: "Surgery",
      title: "Consultant job plan review: fewer waiting list initiatives",
      desc: "Aligns consultant job plans to theatre sessions so extra-contractual waiting list payments fall.",
      lead: "lead",
      cat: "PAY",
      sub: "Medical staffing",
      k: 620,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 3,
      updates: "stale",
    },
    {
      div: "Medicine and Emergency Care",
      title: "Nursing skill mix on medical wards",
      desc: "Introduces nursing associates and care support workers on medical wards within safe staffing levels.",
      lead: "lead",
      cat: "PAY",
      sub: "Skill mix",
      k: 480,
      stage: "PLANNING",
      rag: "GREEN",
      wte: [2, 0, 0],
    },
    {
      div: "Medicine and Emergency Care",
      title: "Emergency department: recruit substantive middle grades",
      desc: "Replaces long-term agency middle grades in the emergency department with substantive posts.",
      lead: "lead",
      cat: "PAY",
      sub: "Agency",
      k: 390,
      stage: "DELIVERY",
      rag: "RED",
      start: 1,
      wte: [-6, 0, 7],
      updates: "stale",
    },
    {
      div: "Clinical Support Services",
      title: "Biosimilar switching: adalimumab and ustekinumab",
      desc: "Switches eligible patients to best-value biosimilars under the regional medicines framework.",
      lead: "lead",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 350,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      pace: "ahead",
    },
    {
      div: "Clinical Support Services",
      title: "Homecare medicines: VAT-efficient supply",
      desc: "Moves suitable outpatient medicines to homecare supply, which carries no VAT.",
      lead: "finance",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 280,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 2,
    },
    {
      div: "Corporate Services",
      title: "Energy efficiency: LED lighting and building controls",
      desc: "LED relamping and building management system tuning at the Royal London and Whipps Cross.",
      lead: "finance",
      cat: "NON_PAY",
      sub: "Estates",
      k: 240,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 4,
    },
    {
      div: "Corporate Services",
      title: "Surrender leased office space",
      desc: "Hands back two leased office floors as corporate teams move to agile working.",
      lead: "finance",
      cat: "NON_PAY",
      sub: "Estates",
      k: 310,
      stage: "PLANNING",
      rag: "AMBER",
      start: 3,
    },
    {
      div: "Surgery",
      title: "Private patient unit: extra capacity and tariff review",
      desc: "Opens two more private beds and brings private patient prices in line with local providers.",
      lead: "finance",
      cat: "INCOME",
      sub: "Private patients",
      k: 420,
      stage: "OPPORTUNITY",
    },
    {
      div: "Medicine and Emergency Care",
      title: "Overseas visitors: identification and cost recovery",
      desc: "Checks eligibility at booking and raises invoices for chargeable overseas visitors promptly.",
      lead: "finance",
      cat: "INCOME",
      sub: "Overseas visitors",
      k: 260,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 1,
    },
    {
      div: "Women and Children",
      title: "Maternity: rota redesign to reduce bank midwives",
      desc: "Redesigns the labour ward rota so core shifts are covered by substantive midwives.",
      lead: "lead",
      cat: "PAY",
      sub: "Bank",
      k: 180,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      wte: [0, 4.5, 0],
    },
    {
      div: "Surgery",
      title: "Patient-initiated follow-up in outpatients",
      desc: "Moves suitable follow-ups to patient-initiated follow-up; frees clinic capacity for new patients.",
      lead: "lead",
      cat: "INCOME",
      sub: "Activity recovery",
      k: 150,
      stage: "ON_HOLD",
      rag: "AMBER",
      nc: true,
    },
    {
      div: "Corporate Services",
      title: "Vacancy control panel: corporate posts",
      desc: "Holds non-essential corporate vacancies for the year (non-recurrent).",
      lead: "finance",
      cat: "PAY",
      sub: "Substantive workforce",
      k: 600,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      nr: true,
      wte: [11, 0, 0],
    },
    {
      div: "Clinical Support Services",
      title: "Gloves and aprons: NHS Supply Chain framework",
      desc: "Switched gloves and aprons to the national framework price; validated by finance.",
      lead: "bh-procurement-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 130,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
    },
    {
      div: "Clinical Support Services",
      title: "Outpatient dispensing through a pharmacy subsidiary",
      desc: "Outsource outpatient dispensing to a wholly owned subsidiary.",
      lead: "finance",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 380,
      stage: "REJECTED",
    },
    {
      div: "Medicine and Emergency Care",
      title: "Close the winter escalation ward early",
      desc: "Close the escalation ward in January; withdrawn as bed occupancy stayed above 95%.",
      lead: "lead",
      cat: "PAY",
      sub: "Bank",
      k: 900,
      stage: "WITHDRAWN",
      nr: true,
    },
  ]),

  /* ------------------------ Barking, Havering and Redbridge (BHRUT) ------------------------ */
  ...at("BHRUT", [
    {
      div: "Clinical Support Services",
      title: "Outpatient pharmacy: generic switching",
      desc: "Switched outpatient prescriptions to generics as patents expired.",
      lead: "bhrut-clinical-support-lead",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 180,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
      prev: true,
    },
    {
      ws: HR,
      div: "Medicine",
      title: "NEL agency rate card: nursing",
      desc: NEL_INITIATIVE(
        "1.1",
        "moves nursing agency bookings at Queen's and King George to the single NEL rate card.",
      ),
      lead: "bhrut-medicine-lead",
      cat: "PAY",
      sub: "Agency",
      k: 1300,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 1,
      wte: [0, -4, 10],
    },
    {
      ws: HR,
      div: "Medicine",
      title: "Medical locum price cap: emergency and acute medicine",
      desc: NEL_INITIATIVE(
        "1.1",
        "holds emergency and acute medicine locums to the NEL rate card and the national price cap.",
      ),
      lead: "bhrut-medicine-lead",
      cat: "PAY",
      sub: "Agency",
      k: 1100,
      stage: "DELIVERY",
      rag: "RED",
      start: 2,
      wte: [0, 0, 5],
      prevRag: "AMBER",
    },
    {
      ws: HR,
      div: "Corporate Services",
      title: "Shared HR transactional service",
      desc: NEL_INITIATIVE("1.4", "moves payroll and recruitment administration to the shared NEL service."),
      lead: "bhrut-lead",
      cat: "PAY",
      sub: "HR back office",
      k: 850,
      stage: "PLANNING",
      rag: "AMBER",
      wte: [14, 0, 0],
    },
    {
      ws: FIN,
      div: "Corporate Services",
      title: "Common NEL financial platform",
      desc: NEL_INITIATIVE("2.1", "joins the common NEL ledger and transactional finance service."),
      lead: "bhrut-lead",
      cat: "PAY",
      sub: "Finance back office",
      k: 1050,
      stage: "PLANNING",
      rag: "GREEN",
      start: 2,
      wte: [12, 0, 1],
    },
    {
      ws: FIN,
      div: "Corporate Services",
      title: "Standard business analysis dashboards",
      desc: NEL_INITIATIVE("2.3", "replaces bespoke divisional reports with the standard NEL dashboards."),
      lead: "bhrut-lead",
      cat: "PAY",
      sub: "Finance back office",
      k: 250,
      stage: "OPPORTUNITY",
      nc: true,
      wte: [3, 0, 0],
    },
    {
      ws: IT,
      div: "Corporate Services",
      title: "Single NEL telecoms provider",
      desc: NEL_INITIATIVE("5.2", "moves telecoms to the NEL-wide contract."),
      lead: "bhrut-lead",
      cat: "NON_PAY",
      sub: "IT and digital",
      k: 420,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 3,
    },
    {
      ws: IT,
      div: "Corporate Services",
      title: "Managed print and legacy records storage at scale",
      desc: NEL_INITIATIVE(
        "5.5",
        "buys managed print and legacy medical records storage with the other NEL providers.",
      ),
      lead: "bhrut-lead",
      cat: "NON_PAY",
      sub: "IT and digital",
      k: 580,
      stage: "PLANNING",
      rag: "AMBER",
    },
    {
      ws: PATH,
      div: "Clinical Support Services",
      title: "Pathology hot/cold split: centralise routine testing",
      desc: NEL_INITIATIVE("3.1", "centralises routine testing at one site with a hot laboratory at the other."),
      lead: "bhrut-clinical-support-lead",
      cat: "PAY",
      sub: "Skill mix",
      k: 600,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 4,
      wte: [11, 0, 0],
    },
    {
      ws: PATH,
      div: "Clinical Support Services",
      title: "Combined pathology on-call rota",
      desc: NEL_INITIATIVE("3.6", "shares consultant and biomedical scientist on-call with Barts Health."),
      lead: "bhrut-clinical-support-lead",
      cat: "PAY",
      sub: "Medical staffing",
      k: 400,
      stage: "PLANNING",
      rag: "GREEN",
    },
    {
      ws: PROC,
      div: "Surgery",
      title: "Med/surg catalogue standardisation",
      desc: NEL_INITIATIVE("4.3", "standardises medical and surgical consumables on the agreed NEL core list."),
      lead: "bhrut-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 1200,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
    },
    {
      ws: PROC,
      div: "Corporate Services",
      title: "System procurement of patient transport",
      desc: NEL_INITIATIVE("4.4", "procures non-emergency patient transport and home deliveries as a system."),
      lead: "bhrut-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 1000,
      stage: "PLANNING",
      rag: "AMBER",
      start: 3,
    },
    {
      div: "Medicine",
      title: "Emergency department: substantive consultant recruitment",
      desc: "Recruits three substantive ED consultants to replace long-term locums.",
      lead: "bhrut-medicine-lead",
      cat: "PAY",
      sub: "Medical staffing",
      k: 350,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 2,
      wte: [-3, 0, 4],
    },
    {
      div: "Medicine",
      title: "Ward skill mix: nursing associates",
      desc: "Creates nursing associate posts on medical wards against registered nurse vacancies.",
      lead: "bhrut-medicine-lead",
      cat: "PAY",
      sub: "Skill mix",
      k: 280,
      stage: "PLANNING",
      rag: "AMBER",
      wte: [1.5, 0, 0],
    },
    {
      div: "Medicine",
      title: "Enhanced observation: reduce one-to-one bank shifts",
      desc: "Introduces bay-based enhanced observation, so fewer one-to-one bank shifts are needed.",
      lead: "bhrut-medicine-lead",
      cat: "PAY",
      sub: "Bank",
      k: 220,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      wte: [0, 7, 0],
    },
    {
      div: "Clinical Support Services",
      title: "Antimicrobial stewardship and IV-to-oral switch",
      desc: "Pharmacist-led review of intravenous antibiotics at 48 hours.",
      lead: "bhrut-clinical-support-lead",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 160,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      pace: "ahead",
    },
    {
      div: "Corporate Services",
      title: "Rationalise off-site storage",
      desc: "Vacate an off-site store once records are digitised; paused until the scanning contract is let.",
      lead: "bhrut-lead",
      cat: "NON_PAY",
      sub: "Estates",
      k: 120,
      stage: "ON_HOLD",
      rag: "RED",
    },
    {
      div: "Women and Children",
      title: "Private maternity packages",
      desc: "Offer private maternity packages at Queen's; rejected as the demand case was weak.",
      lead: "bhrut-lead",
      cat: "INCOME",
      sub: "Private patients",
      k: 90,
      stage: "REJECTED",
    },
    {
      div: "Women and Children",
      title: "Overseas visitors: checks at maternity booking",
      desc: "Checks eligibility for free NHS care at maternity booking.",
      lead: "bhrut-lead",
      cat: "INCOME",
      sub: "Overseas visitors",
      k: 140,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 3,
      updates: "none",
    },
    {
      div: "Surgery",
      title: "Theatres: loan kit and implant consignment stock",
      desc: "Moves orthopaedic implants to consignment stock and cuts loan kit charges.",
      lead: "bhrut-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 210,
      stage: "OPPORTUNITY",
    },
    {
      div: "Corporate Services",
      title: "Vacancy control: corporate and admin posts",
      desc: "Holds corporate and administrative vacancies for the year (non-recurrent).",
      lead: "bhrut-lead",
      cat: "PAY",
      sub: "Substantive workforce",
      k: 400,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      nr: true,
      wte: [8, 0, 0],
    },
  ]),

  /* -------------------------------- Homerton (HUH) -------------------------------- */
  ...at("HUH", [
    {
      div: "Emergency and Integrated Medicine",
      title: "Nurse agency to bank conversion",
      desc: "Converted regular agency nurses to the trust bank.",
      lead: "huh-lead",
      cat: "PAY",
      sub: "Agency",
      k: 260,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
      wte: [0, -4, 5],
      prev: true,
    },
    {
      ws: HR,
      div: "Emergency and Integrated Medicine",
      title: "NEL agency rate card: nursing",
      desc: NEL_INITIATIVE("1.1", "moves nursing agency bookings to the single NEL rate card."),
      lead: "huh-lead",
      cat: "PAY",
      sub: "Agency",
      k: 850,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      wte: [0, -3, 7],
    },
    {
      ws: HR,
      div: "Community Health Services",
      title: "Roster management: single NEL approach",
      desc: NEL_INITIATIVE("1.2", "applies the NEL rostering policy to community nursing and therapies."),
      lead: "huh-community-lead",
      cat: "PAY",
      sub: "Bank",
      k: 650,
      stage: "PLANNING",
      rag: "AMBER",
      wte: [0, 8, 0],
    },
    {
      ws: HR,
      div: "Corporate Services",
      title: "Shared HR transactional service",
      desc: NEL_INITIATIVE("1.4", "joins the shared NEL HR transactional service."),
      lead: "huh-lead",
      cat: "PAY",
      sub: "HR back office",
      k: 550,
      stage: "OPPORTUNITY",
      wte: [9, 0, 0],
    },
    {
      ws: FIN,
      div: "Corporate Services",
      title: "Common NEL financial platform",
      desc: NEL_INITIATIVE("2.1", "joins the common NEL ledger and transactional finance service."),
      lead: "huh-lead",
      cat: "PAY",
      sub: "Finance back office",
      k: 600,
      stage: "PLANNING",
      rag: "AMBER",
      start: 2,
      wte: [7, 0, 0],
    },
    {
      ws: IT,
      div: "Corporate Services",
      title: "Shared data centre and print services",
      desc: NEL_INITIATIVE(
        "5.3",
        "moves servers to shared data centre provision and print to the NEL managed service.",
      ),
      lead: "huh-lead",
      cat: "NON_PAY",
      sub: "IT and digital",
      k: 600,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 5,
    },
    {
      ws: PATH,
      div: "Emergency and Integrated Medicine",
      title: "Pathology test ordering: NEL test catalogue",
      desc: NEL_INITIATIVE("3.2", "moves ordering to the NEL test catalogue with demand-optimisation rules."),
      lead: "huh-lead",
      cat: "NON_PAY",
      sub: "Clinical supplies",
      k: 350,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 2,
    },
    {
      ws: PATH,
      div: "Emergency and Integrated Medicine",
      title: "Pathology joint posts with Barts Health",
      desc: NEL_INITIATIVE("3.6", "shares consultant microbiologist posts with Barts Health."),
      lead: "huh-lead",
      cat: "PAY",
      sub: "Medical staffing",
      k: 250,
      stage: "PLANNING",
      rag: "GREEN",
      wte: [2, 0, 0],
    },
    {
      ws: PROC,
      div: "Surgery",
      title: "Med/surg catalogue standardisation",
      desc: NEL_INITIATIVE("4.3", "standardises medical and surgical consumables on the agreed NEL core list."),
      lead: "huh-lead",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 700,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 2,
    },
    {
      ws: PROC,
      div: "Corporate Services",
      title: "Soft FM consolidation: cleaning and catering",
      desc: NEL_INITIATIVE("4.2", "joins the consolidated NEL soft facilities management contract."),
      lead: "huh-lead",
      cat: "NON_PAY",
      sub: "Estates",
      k: 500,
      stage: "OPPORTUNITY",
    },
    {
      div: "Community Health Services",
      title: "Community nursing e-scheduling",
      desc: "Schedules district nursing visits electronically, reducing bank use.",
      lead: "huh-community-lead",
      cat: "PAY",
      sub: "Bank",
      k: 240,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      wte: [0, 6, 0],
    },
    {
      div: "Emergency and Integrated Medicine",
      title: "Junior doctor rota redesign",
      desc: "Redesigns resident doctor rotas to remove gaps filled by locums.",
      lead: "huh-lead",
      cat: "PAY",
      sub: "Medical staffing",
      k: 190,
      stage: "DELIVERY",
      rag: "RED",
      start: 3,
      wte: [0, 0, 2.5],
      updates: "none",
    },
    {
      div: "Community Health Services",
      title: "Therapies skill mix review",
      desc: "Reviews band 5 and 6 therapy posts and introduces therapy assistants.",
      lead: "huh-community-lead",
      cat: "PAY",
      sub: "Skill mix",
      k: 130,
      stage: "PLANNING",
      rag: "AMBER",
      wte: [2.5, 0, 0],
    },
    {
      div: "Community Health Services",
      title: "Care home medicines optimisation",
      desc: "Pharmacist reviews of care home residents' medicines and waste.",
      lead: "huh-community-lead",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 110,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
    },
    {
      div: "Community Health Services",
      title: "Community clinic lease rationalisation",
      desc: "Consolidates three leased community clinics into trust-owned buildings.",
      lead: "huh-community-lead",
      cat: "NON_PAY",
      sub: "Estates",
      k: 170,
      stage: "PLANNING",
      rag: "GREEN",
      start: 4,
    },
    {
      div: "Women and Children",
      title: "Overseas visitors charging",
      desc: "Improves identification and billing of chargeable overseas visitors in maternity.",
      lead: "huh-lead",
      cat: "INCOME",
      sub: "Overseas visitors",
      k: 80,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 4,
    },
    {
      div: "Women and Children",
      title: "Private fertility services",
      desc: "Offer self-funded fertility treatment; withdrawn after the market review.",
      lead: "huh-lead",
      cat: "INCOME",
      sub: "Private patients",
      k: 60,
      stage: "WITHDRAWN",
    },
    {
      div: "Surgery",
      title: "Day case conversion",
      desc: "Moves suitable procedures to day case; paused while theatre staffing is stabilised.",
      lead: "huh-lead",
      cat: "INCOME",
      sub: "Activity recovery",
      k: 300,
      stage: "ON_HOLD",
      rag: "AMBER",
      nc: true,
    },
  ]),

  /* ------------------------------ Lancashire Teaching (LTH) ------------------------------ */
  ...at("LTH", [
    {
      div: "Medicine",
      title: "Premium pay: locum consultant conversions",
      desc: "Converted long-term locum consultants to substantive posts (programme: Reducing the cost of premium rate pay).",
      lead: "lth-workforce-lead",
      cat: "PAY",
      sub: "Medical staffing",
      k: 500,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
      wte: [-3, 0, 4],
      prev: true,
    },
    {
      div: "Specialist Services",
      title: "Adalimumab biosimilar switch",
      desc: "Switched adalimumab patients to the best-value biosimilar (programme: Effective use of medicines).",
      lead: "lth-pharmacy-lead",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 420,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
      prev: true,
    },
    {
      div: "Medicine",
      title: "Premium pay: medical agency to the price cap",
      desc: "Brings medical agency rates down to the NHS England price cap (programme: Reducing the cost of premium rate pay).",
      lead: "lth-workforce-lead",
      cat: "PAY",
      sub: "Agency",
      k: 1800,
      stage: "DELIVERY",
      rag: "RED",
      start: 1,
      wte: [-4, 0, 9],
      prevRag: "RED",
    },
    {
      div: "Medicine",
      title: "Premium pay: end off-framework nursing agency",
      desc: "Stops off-framework nursing agency use (programme: Reducing the cost of premium rate pay).",
      lead: "lth-workforce-lead",
      cat: "PAY",
      sub: "Agency",
      k: 950,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 1,
      wte: [0, -6, 11],
    },
    {
      div: "Surgery",
      title: "Bank rate harmonisation with the L&SC collaborative bank",
      desc: "Aligns bank rates with the Lancashire and South Cumbria collaborative bank.",
      lead: "lth-workforce-lead",
      cat: "PAY",
      sub: "Bank",
      k: 420,
      stage: "PLANNING",
      rag: "AMBER",
    },
    {
      div: "Specialist Services",
      title: "Job planning and waiting list initiative rates",
      desc: "Job plans matched to capacity; waiting list initiative rates set by the trust's policy.",
      lead: "lth-lead",
      cat: "PAY",
      sub: "Medical staffing",
      k: 380,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 4,
    },
    {
      div: "Surgery",
      title: "Theatre skill mix: anaesthesia associates",
      desc: "Introduces anaesthesia associates in elective theatres at Chorley.",
      lead: "lth-lead",
      cat: "PAY",
      sub: "Skill mix",
      k: 220,
      stage: "PLANNING",
      rag: "GREEN",
      wte: [1.5, 0, 0],
    },
    {
      div: "Specialist Services",
      title: "Biosimilar and generic switching",
      desc: "Switches to best-value biosimilars and generics as they launch (programme: Effective use of medicines).",
      lead: "lth-pharmacy-lead",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 650,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      pace: "ahead",
    },
    {
      div: "Diagnostics and Clinical Support",
      title: "Homecare and outpatient dispensing review",
      desc: "Moves suitable medicines to homecare and reviews outpatient dispensing (programme: Effective use of medicines).",
      lead: "lth-pharmacy-lead",
      cat: "NON_PAY",
      sub: "Medicines",
      k: 300,
      stage: "PLANNING",
      rag: "GREEN",
    },
    {
      div: "Surgery",
      title: "Clinical consumables standardisation",
      desc: "Standardises clinical consumables across both sites (programme: Effective management of non-pay expenditure).",
      lead: "lth-finance",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 540,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 2,
    },
    {
      div: "Corporate Services",
      title: "Contract renewals through the L&SC procurement collaborative",
      desc: "Renews expiring contracts through the system procurement collaborative (programme: Effective management of non-pay expenditure).",
      lead: "lth-finance",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 360,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 3,
    },
    {
      div: "Corporate Services",
      title: "Chorley site energy and utilities",
      desc: "Energy-saving works and a utilities contract review at Chorley and South Ribble Hospital.",
      lead: "lth-finance",
      cat: "NON_PAY",
      sub: "Estates",
      k: 260,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 5,
    },
    {
      div: "Corporate Services",
      title: "Rationalise leased accommodation",
      desc: "Exits leased office accommodation as leases fall due.",
      lead: "lth-lead",
      cat: "NON_PAY",
      sub: "Estates",
      k: 190,
      stage: "OPPORTUNITY",
    },
    {
      div: "Specialist Services",
      title: "Private patient income at Royal Preston",
      desc: "Grows private patient work in specialist services (programme: Develop commercial approach to trading activities and R&D).",
      lead: "lth-lead",
      cat: "INCOME",
      sub: "Private patients",
      k: 300,
      stage: "OPPORTUNITY",
    },
    {
      div: "Medicine",
      title: "Overseas visitors: cost recovery",
      desc: "Identifies and bills chargeable overseas visitors.",
      lead: "lth-finance",
      cat: "INCOME",
      sub: "Overseas visitors",
      k: 90,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 2,
    },
    {
      div: "Diagnostics and Clinical Support",
      title: "R&D overhead recovery on commercial trials",
      desc: "Charges full overheads on commercial research (programme: Develop commercial approach to trading activities and R&D).",
      lead: "lth-lead",
      cat: "INCOME",
      sub: "Commercial",
      k: 150,
      stage: "PLANNING",
      rag: "AMBER",
    },
    {
      div: "Diagnostics and Clinical Support",
      title: "Reduce outsourced MRI reporting",
      desc: "Reports MRI in house with extended radiologist sessions instead of outsourcing.",
      lead: "lth-lead",
      cat: "NON_PAY",
      sub: "Outsourced services",
      k: 280,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 3,
      updates: "stale",
    },
    {
      div: "Corporate Services",
      title: "Digital dictation: less outsourced typing",
      desc: "Speech recognition for clinic letters; on hold until the EPR upgrade (programme: Technology led productivity and waste reduction).",
      lead: "lth-lead",
      cat: "NON_PAY",
      sub: "IT and digital",
      k: 210,
      stage: "ON_HOLD",
      rag: "AMBER",
    },
    {
      div: "Surgery",
      title: "Stop low-value procedures",
      desc: "Stop procedures of limited clinical value; rejected at gateway 1 pending the service line review.",
      lead: "lth-lead",
      cat: "INCOME",
      sub: "Activity recovery",
      k: 120,
      stage: "REJECTED",
      nc: true,
    },
    {
      div: "Women and Children",
      title: "Maternity bank use",
      desc: "Reduces bank midwife shifts through annualised hours.",
      lead: "lth-lead",
      cat: "PAY",
      sub: "Bank",
      k: 140,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      wte: [0, 3.5, 0],
    },
    {
      div: "Corporate Services",
      title: "Vacancy control: corporate posts",
      desc: "Holds corporate vacancies for the year (non-recurrent).",
      lead: "lth-finance",
      cat: "PAY",
      sub: "Substantive workforce",
      k: 700,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      nr: true,
      wte: [12, 0, 0],
    },
    {
      div: "Medicine",
      title: "Stand down temporary escalation capacity",
      desc: "Close temporary escalation beds; withdrawn as the beds are needed for winter.",
      lead: "lth-lead",
      cat: "PAY",
      sub: "Bank",
      k: 450,
      stage: "WITHDRAWN",
      nr: true,
    },
    {
      div: "Diagnostics and Clinical Support",
      title: "Gloves: national framework price",
      desc: "Moved examination gloves to the national framework; validated by finance.",
      lead: "lth-finance",
      cat: "NON_PAY",
      sub: "Procurement",
      k: 110,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
    },
  ]),

  /* ------------------------------ NHS North East London ICB ------------------------------ */
  ...at("NEL", [
    {
      div: "Prescribing",
      title: "Proton pump inhibitor switching",
      desc: "Switched practices to best-value PPIs.",
      lead: "nel-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 300,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
      prev: true,
    },
    {
      div: "Prescribing",
      title: "DOAC switching to best-value anticoagulant",
      desc: "Practices switch suitable patients to the best-value direct oral anticoagulant.",
      lead: "nel-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 1200,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
    },
    {
      div: "Prescribing",
      title: "Low-priority prescribing: over-the-counter items",
      desc: "Stops routine prescribing of items available over the counter, per national guidance.",
      lead: "nel-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 380,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 2,
    },
    {
      div: "Prescribing",
      title: "Blood glucose test strips formulary",
      desc: "Moves practices to the formulary's best-value meters and strips.",
      lead: "nel-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 220,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
      pace: "ahead",
    },
    {
      div: "Primary Care",
      title: "Care home structured medication reviews",
      desc: "Primary care network pharmacists review care home residents' medicines.",
      lead: "nel-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 150,
      stage: "PLANNING",
      rag: "GREEN",
    },
    {
      div: "Community and Mental Health",
      title: "Continuing healthcare: review of high-cost packages",
      desc: "Reviews every continuing healthcare package over £2,000 a week.",
      lead: "nel-chc-lead",
      cat: "NON_PAY",
      sub: "Continuing healthcare",
      k: 1400,
      stage: "DELIVERY",
      rag: "RED",
      start: 1,
      prevRag: "AMBER",
    },
    {
      div: "Community and Mental Health",
      title: "Continuing healthcare: care home brokerage and framework prices",
      desc: "Places care home packages through a brokerage team at framework prices.",
      lead: "nel-chc-lead",
      cat: "NON_PAY",
      sub: "Continuing healthcare",
      k: 650,
      stage: "PLANNING",
      rag: "AMBER",
    },
    {
      div: "Community and Mental Health",
      title: "Mental health out-of-area placements",
      desc: "Brings people in out-of-area mental health placements back to local services.",
      lead: "pmo",
      cat: "NON_PAY",
      sub: "Mental health placements",
      k: 900,
      stage: "OPPORTUNITY",
    },
    {
      div: "Acute Commissioning",
      title: "Elective: MSK first contact and advice and guidance",
      desc: "Routes MSK referrals through first-contact physiotherapy and advice and guidance.",
      lead: "pmo",
      cat: "NON_PAY",
      sub: "Elective pathways",
      k: 520,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 3,
    },
    {
      div: "Acute Commissioning",
      title: "Elective: patient-initiated follow-up",
      desc: "Commissions patient-initiated follow-up in outpatients, reducing routine follow-ups.",
      lead: "pmo",
      cat: "NON_PAY",
      sub: "Elective pathways",
      k: 300,
      stage: "PLANNING",
      rag: "AMBER",
      nc: true,
    },
    {
      div: "Acute Commissioning",
      title: "Urgent care: same day emergency care pathways",
      desc: "Shifts suitable admissions to same day emergency care.",
      lead: "pmo",
      cat: "NON_PAY",
      sub: "Urgent care",
      k: 450,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 2,
    },
    {
      div: "Acute Commissioning",
      title: "Urgent care: frequent attenders programme",
      desc: "Case management of frequent ED attenders; paused while the service is re-specified.",
      lead: "pmo",
      cat: "NON_PAY",
      sub: "Urgent care",
      k: 200,
      stage: "ON_HOLD",
      rag: "AMBER",
    },
    {
      div: "Acute Commissioning",
      title: "Urgent care: NHS 111 re-procurement",
      desc: "Re-procure NHS 111 at a lower price; rejected as the contract runs to 2028.",
      lead: "pmo",
      cat: "NON_PAY",
      sub: "Urgent care",
      k: 350,
      stage: "REJECTED",
    },
  ]),

  /* --------------------------- NHS Lancashire and South Cumbria ICB --------------------------- */
  ...at("LSC", [
    {
      div: "Prescribing",
      title: "Gabapentinoid prescribing review",
      desc: "Reviewed long-term gabapentinoid prescribing in primary care.",
      lead: "lsc-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 140,
      stage: "COMPLETE",
      rag: "GREEN",
      start: 1,
      prev: true,
    },
    {
      div: "Prescribing",
      title: "Inhaler prescribing: cost and carbon",
      desc: "Moves patients to best-value, lower-carbon inhalers after review.",
      lead: "lsc-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 480,
      stage: "DELIVERY",
      rag: "GREEN",
      start: 1,
    },
    {
      div: "Prescribing",
      title: "Biosimilar uptake in primary care",
      desc: "Increases biosimilar uptake for primary care prescribed biologics.",
      lead: "lsc-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 260,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 2,
      updates: "none",
    },
    {
      div: "Prescribing",
      title: "Stoma and wound care formulary",
      desc: "A single formulary and ordering route for stoma and wound care products.",
      lead: "lsc-medicines-lead",
      cat: "NON_PAY",
      sub: "Prescribing",
      k: 180,
      stage: "PLANNING",
      rag: "GREEN",
    },
    {
      div: null,
      title: "Continuing healthcare: high-cost package review",
      desc: "Reviews high-cost continuing healthcare packages and joint funding.",
      lead: "lsc-commissioning-lead",
      cat: "NON_PAY",
      sub: "Continuing healthcare",
      k: 850,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 1,
    },
    {
      div: "Acute Commissioning",
      title: "Elective: independent sector activity at national prices",
      desc: "Holds independent sector elective activity to national prices and agreed volumes.",
      lead: "lsc-commissioning-lead",
      cat: "NON_PAY",
      sub: "Elective pathways",
      k: 600,
      stage: "DELIVERY",
      rag: "AMBER",
      start: 2,
    },
    {
      div: "Acute Commissioning",
      title: "Elective: clinical triage of routine referrals",
      desc: "Clinical triage of routine referrals in dermatology, ENT and gynaecology.",
      lead: "lsc-commissioning-lead",
      cat: "NON_PAY",
      sub: "Elective pathways",
      k: 340,
      stage: "PLANNING",
      rag: "AMBER",
    },
    {
      div: "Acute Commissioning",
      title: "Urgent care: two-hour urgent community response",
      desc: "Expands urgent community response to avoid admissions from care homes.",
      lead: "lsc-commissioning-lead",
      cat: "NON_PAY",
      sub: "Urgent care",
      k: 400,
      stage: "OPPORTUNITY",
      nc: true,
    },
    {
      div: "Acute Commissioning",
      title: "Urgent care: reduce ambulance conveyance",
      desc: "Reduce conveyance through clinical hubs; withdrawn as the ambulance trust leads this.",
      lead: "lsc-commissioning-lead",
      cat: "NON_PAY",
      sub: "Urgent care",
      k: 250,
      stage: "WITHDRAWN",
    },
    {
      div: "Primary Care",
      title: "Primary care: local enhanced services review",
      desc: "Rationalises local enhanced services; paused pending the national contract.",
      lead: "lsc-commissioning-lead",
      cat: "NON_PAY",
      sub: "Primary care",
      k: 150,
      stage: "ON_HOLD",
      rag: "RED",
    },
  ]),
];

/* ----------------------------------------------------------------------------------------------
 * Generation
 * -------------------------------------------------------------------------------------------- */

/** mulberry32: a small seeded PRNG, so every run produces the same figures. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const DAY = 86_400_000;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const satisfies readonly FinancialMonth[];
const PLANNED_STAGES: readonly SchemeStage[] = ["PLANNING", "DELIVERY", "COMPLETE"];
const IDENTIFIED: readonly SchemeStage[] = ["OPPORTUNITY", "PLANNING", "DELIVERY", "COMPLETE"];
const DEFAULT_LAG: Partial<Record<SchemeStage, number>> = { PLANNING: 1, OPPORTUNITY: 3 };

/** Actual / plan, as a base and a spread, by pace; forecast / plan for the months to come. */
const PACE: Record<Pace, { base: number; spread: number; forecast: number }> = {
  ahead: { base: 1.05, spread: 0.12, forecast: 1.05 },
  onTrack: { base: 0.96, spread: 0.08, forecast: 1 },
  behind: { base: 0.7, spread: 0.18, forecast: 0.85 },
  wellBehind: { base: 0.35, spread: 0.25, forecast: 0.55 },
};

const COMMENTARY: Record<Pace, string[]> = {
  ahead: [
    "Ahead of plan: uptake faster than expected. Forecast raised for the rest of the year.",
    "Ahead of plan; savings confirmed from the ledger by the finance business partner.",
  ],
  onTrack: [
    "On track. Run-rate confirmed from the ledger; no new risks this month.",
    "Delivering to plan; forecast unchanged.",
    "In line with plan. Milestones for next month agreed at the divisional performance review.",
  ],
  behind: [
    "Behind plan: mobilisation slower than expected. Recovery actions agreed at the divisional performance review.",
    "Behind plan; part of the shortfall is timing. Forecast reduced and recovery plan due next month.",
    "Slippage against plan while the new process beds in; expect to recover part of the gap in Q4.",
  ],
  wellBehind: [
    "Significantly behind plan. Escalated to the recovery board; forecast reduced and mitigations being worked up.",
    "Well behind plan: demand pressures continue. Executive review of the scheme's deliverability requested.",
  ],
};

interface Built {
  spec: Spec & { org: OrgCode };
  type: SchemeType;
  codeNumber: number;
  code: string;
  financialYear: number;
  startMonth: number;
  fullYearEffectPence: number;
  inYearValuePence: number;
  pace: Pace;
  months: { month: FinancialMonth; plan: number; forecast: number; actual: number | null }[];
}

function paceOf(spec: Spec): Pace {
  if (spec.pace) return spec.pace;
  if (spec.stage === "COMPLETE") return "onTrack";
  return spec.rag === "RED" ? "wellBehind" : spec.rag === "AMBER" ? "behind" : "onTrack";
}

/** Plan: the in-year value spread evenly in pence from the start month, the remainder in month 12. */
function planProfile(inYearPence: number, startMonth: number): number[] {
  const count = 13 - startMonth;
  const each = Math.floor(inYearPence / count);
  return MONTHS.map((m) => (m < startMonth ? 0 : m === 12 ? inYearPence - each * (count - 1) : each));
}

const toPounds = (pence: number) => Math.round(pence / 100) * 100;

function build(
  spec: Spec & { org: OrgCode },
  codeNumber: number,
  type: SchemeType,
  fy: number,
  elapsed: number,
): Built {
  const code = schemeCode(spec.org, type, codeNumber);
  const random = prng(hash(`recovery-tracker-demo:${code}`));
  const financialYear = spec.prev ? fy - 1 : fy;
  const yearElapsed = spec.prev ? 12 : elapsed;
  const fixedStart = spec.prev || spec.stage === "DELIVERY" || spec.stage === "COMPLETE";
  const startMonth = fixedStart
    ? (spec.start ?? 1)
    : Math.min(12, elapsed + 1 + (spec.start ?? DEFAULT_LAG[spec.stage] ?? 2));
  const fullYearEffectPence = spec.k * 100_000;
  const inYearValuePence = spec.nr ? fullYearEffectPence : Math.round((fullYearEffectPence * (13 - startMonth)) / 12);
  const pace = paceOf(spec);

  const months: Built["months"] = [];
  if (PLANNED_STAGES.includes(spec.stage)) {
    const plan = planProfile(inYearValuePence, startMonth);
    const { base, spread, forecast } = PACE[pace];
    for (const m of MONTHS) {
      const p = plan[m - 1]!;
      const done = spec.stage !== "PLANNING" && m <= yearElapsed;
      const actual = done
        ? p === 0
          ? 0
          : toPounds(p * (spec.stage === "COMPLETE" ? 0.98 + 0.05 * random() : base + spread * random()))
        : null;
      const ahead = spec.stage === "COMPLETE" || forecast === 1 ? p : toPounds(p * forecast);
      months.push({ month: m, plan: p, forecast: actual ?? ahead, actual });
    }
  }
  return {
    spec,
    type,
    codeNumber,
    code,
    financialYear,
    startMonth,
    fullYearEffectPence,
    inYearValuePence,
    pace,
    months,
  };
}

function commentary(b: Built, month: number, random: () => number): string {
  const upTo = b.months.filter((m) => m.month <= month);
  const plan = upTo.reduce((n, m) => n + m.plan, 0);
  const actual = upTo.reduce((n, m) => n + (m.actual ?? 0), 0);
  const pool = COMMENTARY[b.pace];
  const note = pool[Math.floor(random() * pool.length)]!;
  if (plan === 0)
    return `M${month} (${monthLabel(month as FinancialMonth)}): mobilising ahead of the M${b.startMonth} start. ${note}`;
  const percent = Math.round((actual / plan) * 100);
  return `M${month} (${monthLabel(month as FinancialMonth)}) year to date: ${formatMoney(actual)} delivered against a plan of ${formatMoney(plan)} (${percent}%). ${note}`;
}

/** The n-th day after the end of month m of fy, at `hour` UTC, but never after `now`. */
function afterMonthEnd(fy: number, m: number, days: number, hour: number, now: Date): Date {
  const calendarMonth = m + 3; // April = 4 (months 10-12 roll into the next year via Date.UTC)
  const when = new Date(Date.UTC(fy, calendarMonth, 1) + (days - 1) * DAY + hour * 3_600_000);
  return when.getTime() < now.getTime() ? when : new Date(now.getTime() - 60_000);
}

function need<V>(map: Map<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Scheme seed: no ${what} "${key}" (run seedDemo first)`);
  return value;
}

/** Every scheme of the spec with its code, values and months, in code order per organisation. */
function demoSchemes(now: Date, types: Record<OrgCode, SchemeType>): Built[] {
  const fy = financialYearOf(now);
  const elapsed = elapsedMonths(fy, now);
  const built: Built[] = [];
  for (const org of ORG_CODES) {
    // Last year's schemes were raised first, so they take the lowest numbers.
    const specs = SPECS.filter((s) => s.org === org);
    const ordered = [...specs.filter((s) => s.prev), ...specs.filter((s) => !s.prev)];
    ordered.forEach((spec, i) => built.push(build(spec, i + 1, types[org], fy, elapsed)));
  }
  checkNelSplit(built);
  return built;
}

/** The spec must add up to NEL_SPLIT_K exactly, and its linked schemes must all count as identified. */
function checkNelSplit(built: Built[]): void {
  const totals = new Map<string, number>();
  for (const b of built) {
    const { ws, org, sub, stage, prev } = b.spec;
    if (!ws) continue;
    if (prev || !IDENTIFIED.includes(stage))
      throw new Error(`Scheme seed: NEL workstream scheme ${b.code} must be current-year and identified`);
    const line = `${splitLine(ws, sub)}|${org}`;
    totals.set(line, (totals.get(line) ?? 0) + b.spec.k);
  }
  for (const [line, byOrg] of Object.entries(NEL_SPLIT_K)) {
    for (const [org, k] of Object.entries(byOrg)) {
      if ((totals.get(`${line}|${org}`) ?? 0) !== k)
        throw new Error(`Scheme seed: ${line} at ${org} adds up to £${totals.get(`${line}|${org}`) ?? 0}k, not £${k}k`);
    }
  }
}

/* ----------------------------------------------------------------------------------------------
 * The seed
 * -------------------------------------------------------------------------------------------- */

async function seed(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const fy = financialYearOf(now);
  const elapsed = elapsedMonths(fy, now);

  const organisations = await tx.organisation.findMany({
    where: { code: { in: [...ORG_CODES] } },
    select: { id: true, code: true, type: true, divisions: { select: { id: true, name: true } } },
  });
  const orgByCode = new Map(organisations.map((o) => [o.code, o]));
  for (const code of ORG_CODES) need(orgByCode, code, "organisation");
  const types = Object.fromEntries(organisations.map((o) => [o.code, o.type === "ICB" ? "QIPP" : "CIP"])) as Record<
    OrgCode,
    SchemeType
  >;
  const divisionId = new Map(
    organisations.flatMap((o) => o.divisions.map((d) => [`${o.code}|${d.name}`, d.id] as const)),
  );

  // Users: the demo users the spec names, plus the extra leads (created once, same password).
  const leadEmails = new Set(SPECS.map((s) => `${s.lead}@demo.nhs.uk`));
  const wanted = [
    ...new Set([
      ...leadEmails,
      HASH_DONOR,
      SYSTEM_PMO,
      ...Object.values(CLOSED_BY),
      ...DEMO_SCHEME_LEADS.map((u) => u.email),
    ]),
  ];
  let users = await tx.user.findMany({
    where: { email: { in: wanted } },
    select: { id: true, email: true, passwordHash: true },
  });
  const donor = users.find((u) => u.email === HASH_DONOR);
  if (!donor) throw new Error(`Scheme seed: no user ${HASH_DONOR} (run seedDemo first)`);
  const missing = DEMO_SCHEME_LEADS.filter((u) => !users.some((existing) => existing.email === u.email));
  if (missing.length > 0) {
    await tx.user.createMany({
      data: missing.map((u) => ({
        email: u.email,
        name: u.name,
        jobTitle: u.jobTitle,
        passwordHash: donor.passwordHash,
      })),
      skipDuplicates: true,
    });
    users = await tx.user.findMany({
      where: { email: { in: wanted } },
      select: { id: true, email: true, passwordHash: true },
    });
  }
  const userId = new Map(users.map((u) => [u.email, u.id]));
  await tx.membership.createMany({
    data: DEMO_SCHEME_LEADS.map((u) => ({
      userId: need(userId, u.email, "user"),
      organisationId: need(orgByCode, u.organisationCode, "organisation").id,
      role: "LEAD" as const,
    })),
    skipDuplicates: true,
  });

  // The NEL workstreams the provider schemes link to.
  const workstreams = await tx.workstream.findMany({
    where: { programme: { name: NEL_PROGRAMME, system: { name: NEL_SYSTEM } } },
    select: { id: true, name: true },
  });
  const workstreamId = new Map(workstreams.map((w) => [w.name, w.id]));

  // Schemes: only those whose organisation + code is not there yet.
  const built = demoSchemes(now, types);
  const existing = new Set(
    (
      await tx.scheme.findMany({
        where: { organisationId: { in: organisations.map((o) => o.id) } },
        select: { organisationId: true, code: true },
      })
    ).map((s) => `${s.organisationId}|${s.code}`),
  );
  const fresh = built.filter((b) => !existing.has(`${need(orgByCode, b.spec.org, "organisation").id}|${b.code}`));
  if (fresh.length > 0) {
    const created = await tx.scheme.createManyAndReturn({
      data: fresh.map((b) => {
        const s = b.spec;
        const [substantive, bank, agency] = s.wte ?? [0, 0, 0];
        return {
          organisationId: need(orgByCode, s.org, "organisation").id,
          divisionId: s.div === null ? null : need(divisionId, `${s.org}|${s.div}`, "division"),
          workstreamId: s.ws ? need(workstreamId, s.ws, "NEL workstream") : null,
          leadId: need(userId, `${s.lead}@demo.nhs.uk`, "user"),
          code: b.code,
          codeNumber: b.codeNumber,
          type: b.type,
          title: s.title,
          description: s.desc,
          category: s.cat,
          subCategory: s.sub,
          recurrent: !s.nr,
          cashReleasing: !s.nc,
          financialYear: b.financialYear,
          fullYearEffectPence: BigInt(b.fullYearEffectPence),
          inYearValuePence: BigInt(b.inYearValuePence),
          startMonth: b.startMonth,
          wteSubstantive: substantive.toFixed(2),
          wteBank: bank.toFixed(2),
          wteAgency: agency.toFixed(2),
          rag: s.rag ?? null,
          stage: s.stage,
        };
      }),
      select: { id: true, code: true },
    });
    const schemeId = new Map(created.map((c) => [c.code, c.id]));

    const months: Prisma.SchemeMonthCreateManyInput[] = fresh.flatMap((b) =>
      b.months.map((m) => ({
        schemeId: need(schemeId, b.code, "created scheme"),
        financialYear: b.financialYear,
        month: m.month,
        planPence: BigInt(m.plan),
        forecastPence: BigInt(m.forecast),
        actualPence: m.actual === null ? null : BigInt(m.actual),
      })),
    );
    if (months.length > 0) await tx.schemeMonth.createMany({ data: months });

    // Updates for the last two elapsed months of this year's delivery schemes.
    const updates: Prisma.MonthlyUpdateCreateManyInput[] = [];
    for (const b of fresh) {
      const s = b.spec;
      if (s.stage !== "DELIVERY" || s.prev || s.updates === "none") continue;
      const random = prng(hash(`recovery-tracker-demo:updates:${b.code}`));
      const last = s.updates === "stale" ? elapsed - 1 : elapsed;
      for (let month = Math.max(1, elapsed - 1); month <= last; month += 1) {
        updates.push({
          schemeId: need(schemeId, b.code, "created scheme"),
          financialYear: fy,
          month,
          rag: (month === elapsed ? s.rag : (s.prevRag ?? s.rag)) ?? "AMBER",
          commentary: commentary(b, month, random),
          submittedById: need(userId, `${s.lead}@demo.nhs.uk`, "user"),
          submittedAt: afterMonthEnd(fy, month, 3 + Math.floor(random() * 6), 9 + Math.floor(random() * 8), now),
        });
      }
    }
    if (updates.length > 0) await tx.monthlyUpdate.createMany({ data: updates });
  }

  // Savings targets for this year: identified in-year value x ratio, so an unidentified gap shows.
  await tx.savingsTarget.createMany({
    data: ORG_CODES.map((code) => {
      const identified = built
        .filter((b) => b.spec.org === code && b.financialYear === fy && IDENTIFIED.includes(b.spec.stage))
        .reduce((n, b) => n + b.inYearValuePence, 0);
      const step = 10_000_000; // £100k
      return {
        organisationId: need(orgByCode, code, "organisation").id,
        financialYear: fy,
        programmeType: types[code],
        targetPence: BigInt(Math.ceil((identified * TARGET_RATIO[code]) / step) * step),
      };
    }),
    skipDuplicates: true,
  });

  // Month-end close at each trust: last year in full; this year every elapsed month but the last.
  const closes: Prisma.PeriodCloseCreateManyInput[] = [];
  for (const o of organisations) {
    if (o.type !== "TRUST") continue;
    const closedById = need(userId, CLOSED_BY[o.code] ?? SYSTEM_PMO, "user");
    for (const m of MONTHS)
      closes.push({
        organisationId: o.id,
        financialYear: fy - 1,
        month: m,
        closedById,
        closedAt: afterMonthEnd(fy - 1, m, 8, 17, now),
      });
    for (let m = 1; m < elapsed; m += 1)
      closes.push({
        organisationId: o.id,
        financialYear: fy,
        month: m,
        closedById,
        closedAt: afterMonthEnd(fy, m, 8, 17, now),
      });
  }
  if (closes.length > 0) await tx.periodClose.createMany({ data: closes, skipDuplicates: true });
}
