"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "Arial, sans-serif", padding: "2rem", color: "#212b32" }}>
        <main>
          <h1>Sorry, there is a problem with the service</h1>
          <p>Recovery Tracker could not load. Your data has not been changed. Try again in a moment.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
