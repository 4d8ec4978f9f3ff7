/**
 * Shown on every page in demo mode: nothing here touches a real RSA tenant.
 * It sits inside the page's banner landmark (the top bar's header, or the
 * sign-in page's own header), so no content is left outside a landmark.
 */
export function DemoBanner() {
  return (
    <p className="bg-amber-400 px-4 py-1.5 text-center text-sm font-bold tracking-wide text-black">
      DEMO — simulated RSA tenant. Changes here do not affect real tokens.
    </p>
  );
}
