import { Avatar, type AvatarProps } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { avatarColorOf, initialsOf } from '../../contracts/avatars.ts';

/** What an avatar needs of a person: any user, owner or team member has these. */
export interface AvatarPerson {
  id: string;
  name: string;
  avatarUrl: string | null;
}

/** The 64 px variant wherever the picture is drawn at 64 px or smaller. */
export function avatarSource(avatarUrl: string, size: number): string {
  return size <= 64 ? `${avatarUrl}&size=64` : avatarUrl;
}

/**
 * A person's picture, or their default: the initials on the colour the server's default SVG
 * uses (`avatarColorOf`), drawn here without a request. `null` is nobody (unassigned).
 * Decorative unless given a `label` (then it is an image with that accessible name).
 */
export function UserAvatar({
  user,
  size = 32,
  label,
  radius = 1000,
  ...props
}: {
  user: AvatarPerson | null;
  size?: number;
  label?: string;
} & Omit<AvatarProps, 'src' | 'name' | 'color' | 'size' | 'children' | 'variant' | 'alt'>) {
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  if (!user) {
    return (
      <Avatar size={size} radius={radius} variant="light" color="gray" {...a11y} {...props}>
        <IconUserQuestion size={Math.round(size * 0.58)} />
      </Avatar>
    );
  }
  return (
    <Avatar
      size={size}
      radius={radius}
      variant="filled"
      color={avatarColorOf(user.id)}
      src={user.avatarUrl ? avatarSource(user.avatarUrl, size) : null}
      alt=""
      data-avatar={user.avatarUrl ? 'picture' : 'initials'}
      {...a11y}
      {...props}
    >
      {initialsOf(user.name)}
    </Avatar>
  );
}
