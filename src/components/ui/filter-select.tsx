/** A labelled select of a GET filter form: its value goes to the query string. */
export function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="font-semibold">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 block w-full max-w-xs rounded border-2 border-nhs-text bg-white px-2 py-1.5 font-normal"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
