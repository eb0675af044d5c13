"use client";

import { useId, useState } from "react";
import type { ProblemError } from "@/components/rotation/rotation-client";

type Props = {
  label: string;
  field: string;
  hint: string;
  placeholder: string;
  submit: string;
  pending: boolean;
  error: ProblemError | null;
  onSubmit: (text: string) => void;
  onCancel: () => void;
};

/**
 * A note or a reason, then submit. The server decides whether it is enough: its refusal shows
 * under the field (or above the buttons when it is not about the field).
 */
export function TextActionForm({ label, field, hint, placeholder, submit, pending, error, onSubmit, onCancel }: Props) {
  const [text, setText] = useState("");
  const id = useId();
  const fieldError = error?.fields[field];
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text);
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={field}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={placeholder}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={`${id}-hint${fieldError ? ` ${id}-error` : ""}`}
        className={`field w-full ${fieldError ? "border-red-400 ring-1 ring-red-300" : ""}`}
        autoFocus
      />
      {fieldError && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
          {fieldError}
        </p>
      )}
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
      {error && !fieldError && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : submit}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
