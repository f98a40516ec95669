import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Recovery Tracker", template: "%s · Recovery Tracker" },
  description: "Financial recovery programmes for NHS trusts and integrated care boards.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans text-base leading-normal antialiased">{children}</body>
    </html>
  );
}
