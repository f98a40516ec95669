import { formatSignedMoney, type MoneyStyle } from "@/lib/money";

/**
 * A variance (actual − plan, forecast − target), shown one way in every table: adverse in NHS
 * red with a minus sign and "(adverse)" for screen readers, favourable with a plus. Colour is
 * never the only cue: the sign is always written.
 */
export function Variance({ pence, style = "compact" }: { pence: number; style?: MoneyStyle }) {
  const text = formatSignedMoney(pence, { style });
  if (pence >= 0 || text === "£0") return <span data-variance="favourable">{text}</span>;
  return (
    <span className="font-semibold text-nhs-red" data-variance="adverse">
      {text}
      <span className="sr-only"> (adverse)</span>
    </span>
  );
}
