import { avatarUrlOf } from '../../../contracts/avatars.ts';
import type { TeamMember } from '../../../contracts/users.ts';
import type { User } from '../../db/schema.ts';
import type { Subject } from '../../lib/policy.ts';
import { toIso } from '../../lib/time.ts';
import { canOnUser, teamMemberPermissions } from './policy.ts';

/**
 * A user as the team list shows them to this actor: what an assignment picker needs for
 * everyone, plus the account details, open-lead count and `can` for those who manage the team.
 */
export function presentTeamMember(user: User, actor: Subject, openLeads: number): TeamMember {
  const member: TeamMember = {
    id: user.id,
    name: user.name,
    role: user.role,
    avatarUrl: avatarUrlOf(user.id, user.avatarVersion),
    active: Boolean(user.active),
  };
  if (!canOnUser(actor, 'readAccount', user)) return member;
  return {
    ...member,
    email: user.email,
    title: user.title,
    phone: user.phone,
    lastLoginAt: user.lastLoginAt === null ? null : toIso(user.lastLoginAt),
    createdAt: toIso(user.createdAt),
    openLeads,
    can: teamMemberPermissions(actor, user),
  };
}
