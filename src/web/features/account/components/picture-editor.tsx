import { Alert, Avatar, Box, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import {
  AVATAR_MAX_BYTES,
  avatarMimeTypes,
  avatarUploadProblem,
} from '../../../../contracts/avatars.ts';
import type { Me } from '../../../../contracts/users.ts';
import { UserAvatar } from '../../../components/user-avatar.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useRemoveAvatar } from '../api/remove-avatar.ts';
import { useUploadAvatar } from '../api/upload-avatar.ts';

const PICTURE_SIZE = 120;
const MAX_MB = AVATAR_MAX_BYTES / 1024 / 1024;

/** A file the browser cannot draw is no picture, whatever its type says: no broken preview. */
async function undecodable(file: File): Promise<string | null> {
  try {
    (await createImageBitmap(file)).close();
    return null;
  } catch {
    return 'That file could not be read as a picture. It may be damaged.';
  }
}

/** The chosen file and its object URL, revoked when replaced or dropped. */
function useChosenFile() {
  const [chosen, setChosen] = useState<{ file: File; url: string } | null>(null);
  useEffect(() => () => (chosen ? URL.revokeObjectURL(chosen.url) : undefined), [chosen]);
  return [
    chosen,
    (file: File | null) => setChosen(file ? { file, url: URL.createObjectURL(file) } : null),
  ] as const;
}

/**
 * The user's picture: choose a file (or drop one on the area), see it before saving, save or
 * cancel; or remove the current picture. The server's refusals appear under the area.
 */
export function PictureEditor({ me }: { me: Me }) {
  const upload = useUploadAvatar();
  const remove = useRemoveAvatar();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [chosen, choose] = useChosenFile();
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const take = async (file: File | undefined) => {
    if (!file) return;
    const refusal = avatarUploadProblem(file) ?? (await undecodable(file));
    setProblem(refusal);
    choose(refusal ? null : file);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files[0]);
  };

  const save = async () => {
    if (!chosen) return;
    setProblem(null);
    try {
      await upload.mutateAsync(chosen.file);
      choose(null);
      notifications.show({ color: 'green', message: 'Your picture was saved.' });
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const removePicture = async () => {
    setProblem(null);
    try {
      await remove.mutateAsync();
      notifications.show({ color: 'green', message: 'Your picture was removed.' });
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Stack gap="sm" align="center" w="100%">
      {chosen ? (
        <Avatar
          src={chosen.url}
          alt="Preview of your new picture"
          size={PICTURE_SIZE}
          radius={PICTURE_SIZE}
          data-testid="picture-preview"
        />
      ) : (
        <UserAvatar
          user={me}
          size={PICTURE_SIZE}
          label={me.avatarUrl ? 'Your picture' : `Your initials, ${me.name}`}
          data-testid="profile-picture"
        />
      )}
      <Box
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-dragging={dragging || undefined}
        data-testid="picture-drop-zone"
        p="sm"
        w="100%"
        style={{
          border: `1px dashed ${dragging ? 'var(--mantine-color-blue-filled)' : 'var(--mantine-color-default-border)'}`,
          borderRadius: 'var(--mantine-radius-md)',
          background: dragging ? 'var(--mantine-color-blue-light)' : undefined,
          textAlign: 'center',
        }}
      >
        <VisuallyHidden>
          <input
            ref={input}
            type="file"
            accept={avatarMimeTypes.join(',')}
            aria-label="Choose a picture"
            aria-describedby={hintId}
            tabIndex={-1}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              void take(file);
            }}
          />
        </VisuallyHidden>
        {chosen ? (
          <Group justify="center" gap="xs">
            <Button size="xs" onClick={save} loading={upload.isPending}>
              Save picture
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => choose(null)}
              disabled={upload.isPending}
            >
              Cancel
            </Button>
          </Group>
        ) : (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPhotoUp size={16} />}
            onClick={() => input.current?.click()}
            aria-describedby={hintId}
          >
            Upload picture
          </Button>
        )}
        <Text id={hintId} size="xs" c="dimmed" mt={6}>
          {chosen
            ? 'This is how it will look. Save to use it everywhere.'
            : `Or drop one here. PNG, JPEG, WebP or GIF, up to ${MAX_MB} MB; cropped to a square.`}
        </Text>
      </Box>
      {problem ? (
        <Alert color="red" role="alert" p="xs" w="100%">
          <Text size="sm">{problem}</Text>
        </Alert>
      ) : null}
      {me.avatarUrl && !chosen ? (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={removePicture}
          loading={remove.isPending}
        >
          Remove picture
        </Button>
      ) : null}
    </Stack>
  );
}
