import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-20 max-w-md px-4 text-center">
      <h1 className="text-2xl font-semibold">You don’t have access to this page</h1>
      <p className="mt-2 text-slate-700">Your role does not include it. Ask an administrator if you need it.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white">
        Back to the desk
      </Link>
    </main>
  );
}
