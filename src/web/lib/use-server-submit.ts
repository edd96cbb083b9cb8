import type { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { errorMessage } from './api-client.ts';
import { showFieldErrors } from './form-errors.ts';

/**
 * Submits a form to the server: field errors from its problem+json go under their fields,
 * anything else becomes `failure` for an alert above the form.
 */
export function useServerSubmit<Values extends object>(
  form: ReturnType<typeof useForm<Values>>,
  fields: readonly string[],
  submit: (values: Values) => Promise<unknown>,
  render?: (path: string, message: string, error: unknown) => ReactNode,
) {
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await submit(values);
    } catch (error) {
      if (!showFieldErrors(form, error, fields, render)) setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  });

  return { onSubmit, failure, pending };
}
