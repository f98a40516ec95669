import type { ReactNode } from "react";

export function PageHeader({ title, caption, children }: { title: string; caption?: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        {caption && <p className="text-nhs-secondary">{caption}</p>}
        <h1 className="text-2xl font-bold break-words md:text-3xl">{title}</h1>
      </div>
      {children}
    </div>
  );
}

/** A titled section; `id` makes it a link target ("#gateway"). */
export function Card({ title, id, children }: { title?: string; id?: string; children: ReactNode }) {
  return (
    <section id={id} className="mb-6 min-w-0 scroll-mt-4 rounded border border-nhs-border bg-white p-4 md:p-5">
      {title && <h2 className="mb-3 text-xl font-bold">{title}</h2>}
      {children}
    </section>
  );
}
