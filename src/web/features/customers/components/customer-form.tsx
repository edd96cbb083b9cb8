import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { CustomerFormValues } from '../../../../contracts/customers.ts';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { showFieldErrors } from '../../../lib/form-errors.ts';

export type CustomerFields = Required<Omit<CustomerFormValues, 'ownerId'>>;

export const emptyCustomer: CustomerFields = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  company: '',
  address: '',
  city: '',
  state: '',
  zipcode: '',
  country: '',
};

const fields = Object.keys(emptyCustomer);

/**
 * The create and edit form. Validation is the server's: its problem+json field errors are
 * shown under each field, and a duplicate email links to the customer that has it.
 */
export function CustomerForm({
  initialValues = emptyCustomer,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initialValues?: CustomerFields;
  submitLabel: string;
  onSubmit: (values: CustomerFields) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<CustomerFields>({ initialValues });
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      await onSubmit(values);
    } catch (error) {
      const existingId = error instanceof ApiError ? error.problem.existingCustomerId : undefined;
      const shown = showFieldErrors(form, error, fields, (path, message) =>
        path === 'email' && existingId ? (
          <>
            {message}.{' '}
            <Anchor component={Link} to={`/customers/${existingId}`} size="xs">
              Open the existing customer
            </Anchor>
          </>
        ) : (
          message
        ),
      );
      if (!shown) setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  });

  const input = (name: keyof CustomerFields) => ({ ...form.getInputProps(name), name });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {failure ? (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Fieldset legend="Contact">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="First name"
                autoComplete="off"
                withAsterisk
                {...input('firstName')}
              />
              <TextInput label="Last name" autoComplete="off" withAsterisk {...input('lastName')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Email"
                type="email"
                autoComplete="off"
                withAsterisk
                {...input('email')}
              />
              <TextInput label="Phone" type="tel" autoComplete="off" {...input('phone')} />
            </SimpleGrid>
            <TextInput label="Company" autoComplete="off" {...input('company')} />
          </Stack>
        </Fieldset>
        <Fieldset legend="Address">
          <Stack gap="sm">
            <TextInput label="Street address" autoComplete="off" {...input('address')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="City" autoComplete="off" {...input('city')} />
              <TextInput label="State / region" autoComplete="off" {...input('state')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="ZIP / postal code" autoComplete="off" {...input('zipcode')} />
              <TextInput label="Country" autoComplete="off" {...input('country')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
