import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-10">
      <h1 className="mb-2 text-3xl font-bold">Page not found</h1>
      <p>
        The page may have moved, or you may not have access to it. <Link href="/">Go to the home page</Link>.
      </p>
    </main>
  );
}
