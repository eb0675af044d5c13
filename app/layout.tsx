import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Keyledger", template: "%s · Keyledger" },
  description: "Who owns every secret, where it lives, what breaks if it leaks.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, never at build time: Next puts this request's CSP nonce
  // (proxy.ts) on its scripts only while it renders, so a prerendered page's scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
