import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Lead,
  type LeadSource,
  leadSourceLabels,
  leadSources,
} from '../../../../contracts/leads.ts';
import { useServerSubmit } from '../../../lib/use-server-submit.ts';
import { OwnerSelect } from './owner-select.tsx';

/** What the form edits. `value` is what NumberInput holds: a number, or '' while empty. */
export interface LeadFields {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  company: string;
  jobTitle: string;
  source: LeadSource;
  value: number | string;
  notes: string;
  ownerId: string | null;
}

/** The form's values as the API takes them. */
export type LeadSubmission = Omit<LeadFields, 'value'> & { value: number };

export function emptyLead(ownerId: string | null): LeadFields {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    company: '',
    jobTitle: '',
    source: 'other',
    value: 0,
    notes: '',
    ownerId,
  };
}

export function leadToFields(lead: Lead): LeadFields {
  return {
    firstName: lead.firstName,
    lastName: lead.lastName,
    email: lead.email,
    phone: lead.phone,
    company: lead.company,
    jobTitle: lead.jobTitle,
    source: lead.source,
    value: lead.value,
    notes: lead.notes,
    ownerId: lead.ownerId,
  };
}

const fields = Object.keys(emptyLead(null));

/**
 * The create and edit form. Validation is the server's: its problem+json field errors are
 * shown under each field. The owner picker appears only for those who may assign leads.
 */
export function LeadForm({
  initialValues,
  showOwner,
  currentOwner,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initialValues: LeadFields;
  showOwner: boolean;
  currentOwner?: Lead['owner'];
  submitLabel: string;
  onSubmit: (values: LeadSubmission) => Promise<unknown>;
  onCancel: () => void;
}) {
  const form = useForm<LeadFields>({ initialValues });
  const {
    onSubmit: submit,
    failure,
    pending,
  } = useServerSubmit(form, fields, (values) =>
    onSubmit({ ...values, value: typeof values.value === 'number' ? values.value : 0 }),
  );
  const input = (name: keyof LeadFields) => ({ ...form.getInputProps(name), name });

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
                description="An email address or a phone number is needed"
                {...input('email')}
              />
              <TextInput
                label="Phone"
                type="tel"
                autoComplete="off"
                description="Either one will do"
                {...input('phone')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Company" autoComplete="off" {...input('company')} />
              <TextInput label="Job title" autoComplete="off" {...input('jobTitle')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend="Deal">
          <SimpleGrid cols={{ base: 1, sm: showOwner ? 3 : 2 }} spacing="sm">
            <Select
              label="Source"
              data={leadSources.map((source) => ({
                value: source,
                label: leadSourceLabels[source],
              }))}
              allowDeselect={false}
              {...input('source')}
            />
            <NumberInput
              label="Value"
              min={0}
              decimalScale={2}
              fixedDecimalScale
              thousandSeparator=","
              allowNegative={false}
              hideControls
              {...input('value')}
            />
            {showOwner ? (
              <OwnerSelect
                label="Owner"
                currentOwner={currentOwner}
                value={form.values.ownerId}
                onChange={(ownerId) => form.setFieldValue('ownerId', ownerId)}
                error={form.errors.ownerId}
                name="ownerId"
              />
            ) : null}
          </SimpleGrid>
        </Fieldset>
        <Textarea label="Notes" autosize minRows={3} maxRows={12} {...input('notes')} />
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
