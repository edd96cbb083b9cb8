import { z } from 'zod';
import { userRefSchema } from './avatars.ts';
import { email, idRef, isoTimestamp, refSchema, requiredText, text } from './fields.ts';
import { cursorParam, limitParam, pageSchema, searchParam, sortParam } from './pagination.ts';

/** The length limits of API.md, shared by the form, the server and the database writes. */
export const customerFields = {
  firstName: requiredText(100, 'First name'),
  lastName: requiredText(100, 'Last name'),
  email,
  phone: text(32),
  company: text(200),
  address: text(300),
  city: text(100),
  state: text(100),
  zipcode: text(20),
  country: text(100),
};

export const createCustomerSchema = z
  .strictObject({
    ...customerFields,
    phone: customerFields.phone.default(''),
    company: customerFields.company.default(''),
    address: customerFields.address.default(''),
    city: customerFields.city.default(''),
    state: customerFields.state.default(''),
    zipcode: customerFields.zipcode.default(''),
    country: customerFields.country.default(''),
    ownerId: idRef.nullable().optional(),
  })
  .meta({ id: 'CreateCustomer' });
export type CreateCustomerInput = z.output<typeof createCustomerSchema>;
export type CustomerFormValues = z.input<typeof createCustomerSchema>;

export const updateCustomerSchema = z
  .strictObject({
    firstName: customerFields.firstName.optional(),
    lastName: customerFields.lastName.optional(),
    email: customerFields.email.optional(),
    phone: customerFields.phone.optional(),
    company: customerFields.company.optional(),
    address: customerFields.address.optional(),
    city: customerFields.city.optional(),
    state: customerFields.state.optional(),
    zipcode: customerFields.zipcode.optional(),
    country: customerFields.country.optional(),
    ownerId: idRef.nullable().optional(),
  })
  .meta({ id: 'UpdateCustomer' });
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;

export const customerPermissionsSchema = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  assign: z.boolean(),
  /** Log a note, call, email or meeting on the customer's timeline. */
  addActivity: z.boolean(),
});
export type CustomerPermissions = z.infer<typeof customerPermissionsSchema>;

export const customerSchema = z
  .object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string(),
    company: z.string(),
    address: z.string(),
    city: z.string(),
    state: z.string(),
    zipcode: z.string(),
    country: z.string(),
    ownerId: z.string().nullable(),
    owner: userRefSchema.nullable(),
    leadId: z.string().nullable(),
    /** The lead this customer was converted from, when it still exists. */
    lead: refSchema.nullable(),
    createdById: z.string().nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    can: customerPermissionsSchema,
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;

export const customerSortFields = ['createdAt', 'lastName', 'company'] as const;
export type CustomerSortField = (typeof customerSortFields)[number];
export type CustomerSort = CustomerSortField | `-${CustomerSortField}`;

export const listCustomersQuerySchema = z.object({
  limit: limitParam,
  cursor: cursorParam,
  sort: sortParam(customerSortFields, '-createdAt'),
  q: searchParam,
  ownerId: idRef.optional(),
});
export type ListCustomersQuery = z.infer<typeof listCustomersQuerySchema>;

export const customerPageSchema = pageSchema(customerSchema).extend({
  /** Whether the caller may create customers: the list's "New customer" button follows it. */
  canCreate: z.boolean(),
});
export type CustomerPage = z.infer<typeof customerPageSchema>;
