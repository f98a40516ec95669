/** A section of the scheme page, in page order: the contents list links to each. */
export interface ContentsEntry {
  id: string;
  label: string;
  /** A count shown beside the label ("Comments (3)"). */
  count?: number;
}

/**
 * The in-page contents list: plain links to the sections' ids, so it works by keyboard and
 * without JavaScript; beside the sections on wide screens (kept in view), above them on phones.
 */
export function SchemeContents({ entries }: { entries: ContentsEntry[] }) {
  return (
    <nav
      aria-labelledby="scheme-contents-title"
      className="mb-6 rounded border border-nhs-border bg-white p-4 2xl:sticky 2xl:top-4 2xl:mb-0 2xl:max-h-[calc(100vh-2rem)] 2xl:overflow-y-auto"
    >
      <h2 id="scheme-contents-title" className="mb-2 text-lg font-bold">
        Contents
      </h2>
      <ol className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 2xl:grid-cols-1">
        {entries.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`} className="inline-block py-0.5">
              {e.label}
              {e.count !== undefined && <span className="text-nhs-secondary"> ({e.count})</span>}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
