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
import type { CustomerFormValues } from '../../../../contracts/customers.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';

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
  const {
    onSubmit: submit,
    failure,
    pending,
  } = useServerSubmit(form, fields, onSubmit, (path, message, error) => {
    const existingId = error instanceof ApiError ? error.problem.existingCustomerId : undefined;
    if (path !== 'email' || !existingId) return message;
    return (
      <>
        {message}.{' '}
        <Anchor component={Link} to={`/customers/${existingId}`} size="xs">
          Open the existing customer
        </Anchor>
      </>
    );
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
