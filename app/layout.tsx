import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "tokendesk", template: "%s · tokendesk" },
  description: "Help-desk console for RSA SecurID hardware tokens",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
