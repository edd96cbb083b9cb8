import type { Me } from '../../../../contracts/users.ts';

/** Name, job title, phone and picture. (Filled in by the profile work of issue 5.) */
export function ProfileCard({ me }: { me: Me }) {
  return <section aria-label="Profile">{me.name}</section>;
}
