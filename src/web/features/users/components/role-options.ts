import { roleLabels, roles } from '../../../../contracts/users.ts';

/** The roles as Select options, in the order of ARCHITECTURE.md's role table. */
export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
