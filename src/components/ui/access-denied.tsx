export function AccessDenied({ what = "this page" }: { what?: string }) {
  return (
    <div className="rounded border-l-4 border-nhs-red bg-white p-5">
      <h1 className="mb-2 text-2xl font-bold">You do not have access to {what}</h1>
      <p>If you need it for your work, ask an administrator of your organisation to grant you the role.</p>
    </div>
  );
}
