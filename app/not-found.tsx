import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto mt-20 max-w-md px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link href="/" className="mt-6 inline-block rounded-md bg-blue-700 px-4 py-2 font-semibold text-white">
        Back to the desk
      </Link>
    </main>
  );
}
