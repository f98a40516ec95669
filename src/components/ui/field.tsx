"use client";

import {
  createContext,
  useContext,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

/**
 * Field ids default to the field's name. A page with several forms wraps each in
 * <FieldIdPrefix value="..."> so ids (and label links) stay unique on the page.
 */
export const FieldIdPrefixContext = createContext("");
export const FieldIdPrefix = FieldIdPrefixContext.Provider;

/** The id a field named `name` gets in this form (the error summary links to it). */
export function useFieldId(name: string): string {
  const prefix = useContext(FieldIdPrefixContext);
  return prefix ? `${prefix}-${name}` : name;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
}

/** Label, hint and errors wired to the control by id, as screen readers expect. */
function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: Omit<FieldProps, "name"> & { id: string; children: (describedBy?: string) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-4 ${errorId ? "border-l-4 border-nhs-red pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-nhs-secondary">
          {hint}
        </p>
      )}
      {errorId && <FieldError id={errorId} errors={errors!} />}
      {children(describedBy)}
    </div>
  );
}

/** A field's errors, "Error: " for screen readers (GOV.UK pattern); also used by checkbox groups. */
export function FieldError({ id, errors }: { id: string; errors: string[] }) {
  return (
    <p id={id} className="font-semibold text-nhs-red">
      <span className="sr-only">Error: </span>
      {errors.join(". ")}
    </p>
  );
}

const controlClass = "mt-1 block w-full max-w-md rounded border-2 border-nhs-text bg-white px-2 py-1.5";

export function TextField({ name, label, hint, errors, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <input
          id={id}
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
}: FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <select
          id={id}
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

export function CheckboxField({
  name,
  label,
  hint,
  errors,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useFieldId(name);
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="mb-4">
      {errorId && (
        <p id={errorId} className="font-semibold text-nhs-red">
          {errors!.join(". ")}
        </p>
      )}
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          className="mt-1 h-5 w-5"
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          {...input}
        />
        <label htmlFor={id}>
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

export function TextAreaField({
  name,
  label,
  hint,
  errors,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useFieldId(name);
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          rows={4}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          className={`${controlClass} max-w-2xl ${errors?.length ? "border-nhs-red" : ""}`}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}
