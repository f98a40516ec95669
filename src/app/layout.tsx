import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Recovery Tracker", template: "%s · Recovery Tracker" },
  description: "Financial recovery programmes for NHS trusts and integrated care boards.",
  // Files in public/: a 32 px ICO for browsers that ask for /favicon.ico, the SVG for the rest.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/favicon.svg", type: "image/svg+xml" },
    ],
  },
  manifest: "/manifest.webmanifest",
  // An internal NHS tool: kept out of search engines (robots.txt says the same).
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans text-base leading-normal antialiased">{children}</body>
    </html>
  );
}
