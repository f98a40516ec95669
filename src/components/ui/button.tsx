import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger";

const styles: Record<Variant, string> = {
  primary: "bg-nhs-green text-white hover:bg-[#00662f] shadow-[0_4px_0_#00401e]",
  secondary: "bg-[#4c6272] text-white hover:bg-[#384853] shadow-[0_4px_0_#263139]",
  danger: "bg-nhs-red text-white hover:bg-[#aa2016] shadow-[0_4px_0_#6b140e]",
};

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      {...props}
      className={`inline-flex items-center rounded px-4 py-2 font-semibold disabled:opacity-60 ${styles[variant]} ${className}`}
    />
  );
}
