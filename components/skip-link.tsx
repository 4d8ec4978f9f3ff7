/**
 * The first stop of the Tab key: jumps past the top bar to the page itself.
 * Hidden until focused, then shown above everything (the demo banner included).
 */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:border-2 focus:border-blue-700 focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-blue-800 focus:shadow-lg"
    >
      Skip to content
    </a>
  );
}
