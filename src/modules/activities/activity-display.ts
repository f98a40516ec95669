/**
 * An activity as its paper wrote it (issue 11 item 6): the printed number (a repeated "3" stays
 * "3"; its key may be "3a"), and the lead cell as printed ("Director of Service Development/ COO")
 * where there is one; otherwise the key and the linked leads' titles.
 */
export interface WrittenActivity {
  number: string | null;
  numberAsWritten?: string | null;
  leadsAsWritten?: string | null;
  leads: { lead: { title: string } }[];
}

export function activityNumberText(activity: WrittenActivity): string | null {
  return activity.numberAsWritten ?? activity.number;
}

export function activityLeadsText(activity: WrittenActivity): string {
  return activity.leadsAsWritten ?? activity.leads.map((l) => l.lead.title).join(", ");
}
