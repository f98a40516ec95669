import type { AssuranceIconKind, SpcIcon, VariationIconKind } from "../spc-types";

/** NHS England "Making Data Count" colours (as NHSRplotthedots uses them). */
export const SPC_COLOURS = {
  common: "#7b7d7d",
  improvement: "#289de0",
  concern: "#fab428",
  neutral: "#361475",
} as const;

const variationColour = (kind: VariationIconKind) =>
  kind === "common" ? SPC_COLOURS.common : SPC_COLOURS[kind.split("-")[0] as "improvement" | "concern" | "neutral"];

/**
 * The variation icon: a ring in the class's colour, dots showing the latest movement and H or
 * L for higher or lower. role="img" with the text as its name; the text is also shown beside it.
 */
export function VariationIcon({ icon, size = 40 }: { icon: SpcIcon<VariationIconKind>; size?: number }) {
  const colour = variationColour(icon.kind);
  const high = icon.kind.endsWith("high");
  const low = icon.kind.endsWith("low");
  // Heights (from the bottom) of five dots; the last ones move away for a special cause.
  const dots = high ? [15, 14, 15, 19, 23] : low ? [22, 23, 22, 18, 14] : [18, 16, 19, 17, 18];
  return (
    <svg viewBox="0 0 48 48" width={size} height={size} role="img" aria-label={icon.text} className="shrink-0">
      <circle cx="24" cy="24" r="21" fill="white" stroke={colour} strokeWidth="4" />
      {dots.map((y, i) => (
        <circle key={i} cx={12 + i * 6} cy={48 - y} r="2.4" fill={i >= 3 && (high || low) ? colour : "#4c6272"} />
      ))}
      {(high || low) && (
        <text x="24" y="20" textAnchor="middle" fontSize="12" fontWeight="700" fill="#212b32">
          {high ? "H" : "L"}
        </text>
      )}
    </svg>
  );
}

const ASSURANCE: Record<AssuranceIconKind, { colour: string; letter: string }> = {
  pass: { colour: SPC_COLOURS.improvement, letter: "P" },
  fail: { colour: SPC_COLOURS.concern, letter: "F" },
  "hit-and-miss": { colour: SPC_COLOURS.common, letter: "?" },
};

/** The assurance icon: P (consistently passing), F (consistently failing) or ? (hit and miss). */
export function AssuranceIcon({ icon, size = 40 }: { icon: SpcIcon<AssuranceIconKind>; size?: number }) {
  const { colour, letter } = ASSURANCE[icon.kind];
  return (
    <svg viewBox="0 0 48 48" width={size} height={size} role="img" aria-label={icon.text} className="shrink-0">
      <circle cx="24" cy="24" r="21" fill="white" stroke={colour} strokeWidth="4" />
      <line x1="9" y1="30" x2="39" y2="30" stroke="#212b32" strokeWidth="2" strokeDasharray="3 2" />
      <text x="24" y="25" textAnchor="middle" fontSize="18" fontWeight="700" fill="#212b32">
        {letter}
      </text>
    </svg>
  );
}

/** Both icons with their text equivalents, or a sentence when there is nothing to judge yet. */
export function SpcIconsWithText({
  variation,
  assurance,
  size,
}: {
  variation: SpcIcon<VariationIconKind> | null;
  assurance: SpcIcon<AssuranceIconKind> | null;
  size?: number;
}) {
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <li className="flex items-center gap-2">
        {variation ? (
          <>
            <VariationIcon icon={variation} size={size} />
            <span>{variation.text}</span>
          </>
        ) : (
          <span>No variation icon: the chart has no limits yet.</span>
        )}
      </li>
      {assurance && (
        <li className="flex items-center gap-2">
          <AssuranceIcon icon={assurance} size={size} />
          <span>{assurance.text}</span>
        </li>
      )}
    </ul>
  );
}
