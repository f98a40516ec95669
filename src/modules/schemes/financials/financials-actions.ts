"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { closePeriod } from "./close-period";
import {
  closePeriodSchema,
  saveSchemeMonthsSchema,
  setSavingsTargetSchema,
  submitMonthlyUpdateSchema,
} from "./financials-schemas";
import { monthName } from "./month-grid";
import { saveSchemeMonths } from "./save-scheme-months";
import { setSavingsTarget } from "./set-savings-target";
import { submitMonthlyUpdate } from "./submit-monthly-update";

export const saveSchemeMonthsAction = authedAction("saveSchemeMonths", saveSchemeMonthsSchema, async (actor, input) => {
  const saved = await saveSchemeMonths(actor, input);
  const count = saved.changed.length;
  return {
    data: { version: saved.version },
    message:
      count === 0
        ? "Nothing had changed, so nothing was saved."
        : `Saved ${count} ${count === 1 ? "month" : "months"}.`,
    revalidate: [routes.scheme(saved.schemeId), routes.schemes],
  };
});

export const submitMonthlyUpdateAction = authedAction(
  "submitMonthlyUpdate",
  submitMonthlyUpdateSchema,
  async (actor, input) => {
    const submitted = await submitMonthlyUpdate(actor, input);
    return {
      data: { version: submitted.version },
      message: `Monthly update for ${submitted.monthName} submitted.`,
      revalidate: [routes.scheme(submitted.schemeId), routes.schemes, routes.home],
    };
  },
);

export const closePeriodAction = authedAction("closePeriod", closePeriodSchema, async (actor, input) => {
  await closePeriod(actor, input);
  return {
    data: null,
    message: `${monthName(input.financialYear, input.month)} closed.`,
    revalidate: [routes.financeSettings],
  };
});

export const setSavingsTargetAction = authedAction("setSavingsTarget", setSavingsTargetSchema, async (actor, input) => {
  await setSavingsTarget(actor, input);
  return { data: null, message: "Savings target saved.", revalidate: [routes.financeSettings, routes.schemes] };
});
