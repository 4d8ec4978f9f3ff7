"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A token read is good for a few seconds; changes invalidate it explicitly.
      queries: { staleTime: 10_000, retry: false, refetchOnWindowFocus: true },
    },
  });
}

/** One query client per browser tab (and a fresh one per server render). */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
