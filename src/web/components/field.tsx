import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value on a detail card; an em dash when there is no value. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.3}>
        {label}
      </Text>
      <Text size="sm" mt={2} component="div" style={{ overflowWrap: 'anywhere' }}>
        {children || (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        )}
      </Text>
    </div>
  );
}
