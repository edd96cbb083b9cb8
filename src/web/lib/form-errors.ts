import type { ReactNode } from 'react';
import { ApiError } from './api-client.ts';

interface FormWithErrors {
  setErrors(errors: Record<string, ReactNode>): void;
}

/**
 * Puts the server's field errors (problem+json `errors`) under their fields.
 * Returns false when the error had none for the form's fields, so the caller shows it elsewhere.
 */
export function showFieldErrors(
  form: FormWithErrors,
  error: unknown,
  fields: readonly string[],
  render: (path: string, message: string, error: unknown) => ReactNode = (_, message) => message,
): boolean {
  if (!(error instanceof ApiError)) return false;
  const errors: Record<string, ReactNode> = {};
  for (const { path, message } of error.fieldErrors) {
    if (fields.includes(path) && !(path in errors)) errors[path] = render(path, message, error);
  }
  if (Object.keys(errors).length === 0) return false;
  form.setErrors(errors);
  return true;
}
