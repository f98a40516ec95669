import type {
  ClinicalCapacity,
  FinanceCapacity,
  OrganisationKind,
  OrganisationType,
  Role,
} from "../../src/generated/prisma/enums";

/**
 * Demo organisations from the reference papers: the North East London system (its
 * provider-productivity delivery plan names three acute trusts) with its ICB, and
 * Lancashire Teaching Hospitals (whose financial strategy lists the programmes of work)
 * in the Lancashire and South Cumbria system. Divisions follow a typical acute trust.
 */
export const DEMO_SYSTEMS = ["North East London", "Lancashire and South Cumbria"] as const;
export type DemoSystemName = (typeof DEMO_SYSTEMS)[number];

export const DEMO_ORGANISATIONS: {
  code: string;
  /** The organisation's real ODS code. */
  odsCode: string;
  name: string;
  type: OrganisationType;
  kind: OrganisationKind;
  system: DemoSystemName;
  divisions: string[];
}[] = [
  {
    code: "NEL",
    odsCode: "QMF",
    kind: "ICB",
    system: "North East London",
    name: "NHS North East London ICB",
    type: "ICB",
    divisions: ["Acute Commissioning", "Community and Mental Health", "Primary Care", "Prescribing"],
  },
  {
    code: "BH",
    odsCode: "R1H",
    kind: "ACUTE",
    system: "North East London",
    name: "Barts Health NHS Trust",
    type: "TRUST",
    divisions: [
      "Medicine and Emergency Care",
      "Surgery",
      "Women and Children",
      "Clinical Support Services",
      "Corporate Services",
    ],
  },
  {
    code: "BHRUT",
    odsCode: "RF4",
    kind: "ACUTE",
    system: "North East London",
    name: "Barking, Havering and Redbridge University Hospitals NHS Trust",
    type: "TRUST",
    divisions: ["Medicine", "Surgery", "Women and Children", "Clinical Support Services", "Corporate Services"],
  },
  {
    code: "HUH",
    odsCode: "RQX",
    kind: "ACUTE",
    system: "North East London",
    name: "Homerton Healthcare NHS Foundation Trust",
    type: "TRUST",
    divisions: [
      "Emergency and Integrated Medicine",
      "Surgery",
      "Women and Children",
      "Community Health Services",
      "Corporate Services",
    ],
  },
  {
    code: "LSC",
    odsCode: "QE1",
    kind: "ICB",
    system: "Lancashire and South Cumbria",
    name: "NHS Lancashire and South Cumbria ICB",
    type: "ICB",
    divisions: ["Acute Commissioning", "Primary Care", "Prescribing"],
  },
  {
    code: "LTH",
    odsCode: "RXN",
    kind: "ACUTE",
    system: "Lancashire and South Cumbria",
    name: "Lancashire Teaching Hospitals NHS Foundation Trust",
    type: "TRUST",
    divisions: [
      "Medicine",
      "Surgery",
      "Women and Children",
      "Diagnostics and Clinical Support",
      "Specialist Services",
      "Corporate Services",
    ],
  },
];

export interface DemoUser {
  email: string;
  name: string;
  jobTitle: string;
  /** Above system administrators: creates systems, administers every organisation. */
  platformAdmin?: boolean;
  roles: {
    organisationCode: string;
    role: Role;
    clinicalCapacity?: ClinicalCapacity;
    financeCapacity?: FinanceCapacity;
    systemWide?: boolean;
  }[];
}

/** One sign-in per role, plus the ICB's system recovery office. All share DEMO_PASSWORD. */
export { DEMO_PASSWORD } from "../../src/lib/demo-password";

export const DEMO_USERS: DemoUser[] = [
  {
    email: "admin@demo.nhs.uk",
    name: "Alex Morgan",
    jobTitle: "System administrator",
    roles: [
      { organisationCode: "NEL", role: "ADMIN", systemWide: true },
      { organisationCode: "LSC", role: "ADMIN", systemWide: true },
    ],
  },
  {
    email: "finance@demo.nhs.uk",
    name: "Priya Shah",
    jobTitle: "Director of Finance",
    roles: [{ organisationCode: "BH", role: "FINANCE" }],
  },
  {
    email: "pmo@demo.nhs.uk",
    name: "Tom Okafor",
    jobTitle: "Head of System Recovery PMO",
    roles: [{ organisationCode: "NEL", role: "FINANCE", financeCapacity: "PMO", systemWide: true }],
  },
  {
    email: "nel-cfo@demo.nhs.uk",
    name: "Graham Osei",
    jobTitle: "Chief Finance Officer, NHS North East London",
    roles: [{ organisationCode: "NEL", role: "FINANCE", financeCapacity: "DIRECTOR", systemWide: true }],
  },
  {
    email: "lsc-cfo@demo.nhs.uk",
    name: "Fiona Marsden",
    jobTitle: "Chief Finance Officer, Lancashire and South Cumbria ICB",
    roles: [{ organisationCode: "LSC", role: "FINANCE", financeCapacity: "DIRECTOR", systemWide: true }],
  },
  {
    email: "lead@demo.nhs.uk",
    name: "Sarah Collins",
    jobTitle: "Deputy Chief Operating Officer",
    roles: [{ organisationCode: "BH", role: "LEAD" }],
  },
  {
    email: "lth-finance@demo.nhs.uk",
    name: "David Fletcher",
    jobTitle: "Director of Finance",
    roles: [{ organisationCode: "LTH", role: "FINANCE" }],
  },
  {
    email: "lth-lead@demo.nhs.uk",
    name: "Rachel Barnes",
    jobTitle: "Director of Service Development",
    roles: [{ organisationCode: "LTH", role: "LEAD" }],
  },
  {
    email: "medical@demo.nhs.uk",
    name: "Dr James Wright",
    jobTitle: "Medical Director",
    roles: [{ organisationCode: "BH", role: "CLINICAL_APPROVER", clinicalCapacity: "MEDICAL" }],
  },
  {
    email: "nursing@demo.nhs.uk",
    name: "Helen Adeyemi",
    jobTitle: "Chief Nurse",
    roles: [{ organisationCode: "BH", role: "CLINICAL_APPROVER", clinicalCapacity: "NURSING" }],
  },
  {
    email: "board@demo.nhs.uk",
    name: "Margaret Ellis",
    jobTitle: "Non-executive Director",
    roles: [{ organisationCode: "BH", role: "BOARD" }],
  },
  {
    email: "platform@demo.nhs.uk",
    name: "Jordan Reeves",
    jobTitle: "Platform administrator",
    platformAdmin: true,
    roles: [],
  },
];
