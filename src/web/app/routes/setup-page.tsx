import { useNavigate } from '@tanstack/react-router';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { SetupForm } from '../../features/auth/components/setup-form.tsx';

export function SetupPage() {
  const navigate = useNavigate();
  return (
    <AuthLayout
      title="Set up Leadline"
      subtitle="Create the administrator account. You can invite your team once you are in."
    >
      <SetupForm onDone={() => navigate({ to: '/customers' })} />
    </AuthLayout>
  );
}
