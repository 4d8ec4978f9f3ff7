/** Shown on every page in demo mode: nothing here touches a real RSA tenant. */
export function DemoBanner() {
  return (
    <div role="note" className="bg-amber-400 px-4 py-1.5 text-center text-sm font-bold tracking-wide text-black">
      DEMO — simulated RSA tenant. Changes here do not affect real tokens.
    </div>
  );
}
