import { Center, Loader } from '@mantine/core';

export function CenteredLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py={64}>
      <Loader aria-label={label} />
    </Center>
  );
}
