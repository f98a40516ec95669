"use client";

import dynamic from "next/dynamic";

/**
 * The dashboard's charts, loaded after the page: recharts is about 110 kB of gzipped JavaScript,
 * which put the dashboard's first load over its 250 kB budget (DESIGN.md section 6, measured by
 * `npm run bench:bundle`). Nothing is lost on the server: the charts are aria-hidden pictures
 * of tables rendered beside them, and ResponsiveContainer draws nothing until it can measure.
 * The placeholders keep the charts' heights so the page does not jump.
 */
export const MaturityChart = dynamic(() => import("./finance-charts").then((m) => m.MaturityChart), {
  ssr: false,
  loading: () => <div className="h-40 w-full" aria-hidden="true" />,
});

export const CumulativeChart = dynamic(() => import("./finance-charts").then((m) => m.CumulativeChart), {
  ssr: false,
  loading: () => <div className="h-80 w-full" aria-hidden="true" />,
});
