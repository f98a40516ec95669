import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
}

/** Label, hint and errors wired to the control by id, as screen readers expect. */
function FieldFrame({ name, label, hint, errors, children }: FieldProps & { children: (describedBy?: string) => ReactNode }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = errors?.length ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-4 ${errorId ? "border-l-4 border-nhs-red pl-3" : ""}`}>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-nhs-secondary">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="font-semibold text-nhs-red">
          <span className="sr-only">Error: </span>
          {errors!.join(". ")}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

const controlClass = "mt-1 block w-full max-w-md rounded border-2 border-nhs-text bg-white px-2 py-1.5";

export function TextField({ name, label, hint, errors, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <input
          id={name}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          className={`${controlClass} ${errors?.length ? "border-nhs-red" : ""}`}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  options,
  placeholder,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <select
          id={name}
          name={name}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          className={`${controlClass} ${errors?.length ? "border-nhs-red" : ""}`}
          {...select}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, hint, errors, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className="mb-4">
      {errorId && (
        <p id={errorId} className="font-semibold text-nhs-red">
          {errors!.join(". ")}
        </p>
      )}
      <div className="flex items-start gap-2">
        <input
          id={name}
          name={name}
          type="checkbox"
          className="mt-1 h-5 w-5"
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          {...input}
        />
        <label htmlFor={name}>
          <span className="font-semibold">{label}</span>
          {hint && (
            <span id={hintId} className="block text-sm text-nhs-secondary">
              {hint}
            </span>
          )}
        </label>
      </div>
    </div>
  );
}
