import { ui } from "@/components/admin/ui";

/** One part of the administration page: a titled card, reachable from the page's own links. */
export function AdminSection({
  id,
  title,
  intro,
  children,
  className = "",
}: {
  id: string;
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={`${ui.section} scroll-mt-4 ${className}`}>
      <h2 id={`${id}-heading`} className={ui.sectionHeading}>
        {title}
      </h2>
      {intro && <p className="mt-1 text-sm text-slate-600">{intro}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}
