/** The roles and capacities as data, apart from the schemas, so client forms import them without the password rules. */
export const ROLES = ["FINANCE", "LEAD", "CLINICAL_APPROVER", "BOARD", "ADMIN"] as const;
export const CLINICAL_CAPACITIES = ["MEDICAL", "NURSING"] as const;
export const FINANCE_CAPACITIES = ["DIRECTOR", "PMO"] as const;
