/** Says why a page shows another year than its link asked for (an unreadable or out-of-range `?year=`). */
export function YearNotice({ notice }: { notice: string | undefined }) {
  if (!notice) return null;
  return (
    <p role="status" className="mb-4 border-l-4 border-nhs-warm-yellow bg-white p-3">
      {notice}
    </p>
  );
}
