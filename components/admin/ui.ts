/** The administration page's few shared looks (Tailwind classes), so every button and field reads the same. */

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";

export const ui = {
  primaryButton: `rounded-md bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-70 ${focus}`,
  dangerButton: `rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-70 ${focus}`,
  secondaryButton: `rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-70 ${focus}`,
  rowButton: `whitespace-nowrap rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 ${focus}`,
  input: "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2",
  label: "block text-sm font-semibold text-slate-800",
  section: "rounded-lg border border-slate-200 bg-white p-5 shadow-sm",
  sectionHeading: "text-lg font-semibold",
} as const;
