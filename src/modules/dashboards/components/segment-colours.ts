/**
 * The maturity chart's colours per stage (and the unidentified gap), shared by the dashboard's
 * client chart and the board pack's server-rendered one. Each has 3:1 contrast with white.
 */
export const SEGMENT_COLOURS: Record<string, string> = {
  OPPORTUNITY: "#4c6272",
  PLANNING: "#330072",
  DELIVERY: "#005eb8",
  COMPLETE: "#007f3b",
  UNIDENTIFIED: "#d5281b",
};
