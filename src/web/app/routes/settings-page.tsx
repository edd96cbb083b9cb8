import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header.tsx';
import { SignupSetting } from '../../features/settings/components/signup-setting.tsx';

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <Stack maw={760}>
        <SignupSetting />
      </Stack>
    </>
  );
}
