/** While the administration page loads: its shape, so nothing jumps when it arrives. */
export default function AdminLoading() {
  return (
    <div className="grid gap-6" aria-busy="true">
      <h1 className="text-2xl font-semibold">Administration</h1>
      <p role="status" className="text-slate-700">
        Loading users, the RSA connection and the audit trail…
      </p>
      <div className="h-96 animate-pulse rounded-lg border border-slate-200 bg-slate-100" />
    </div>
  );
}
