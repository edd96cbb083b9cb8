import { Alert, Button, Stack } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { z } from 'zod';
import { CenteredLoader } from '../components/centered-loader.tsx';
import { meQueryOptions } from '../features/auth/api/get-me.ts';
import { setupStatusQueryOptions } from '../features/auth/api/get-setup-status.ts';
import { customerQueryOptions } from '../features/customers/api/get-customer.ts';
import { leadQueryOptions } from '../features/leads/api/get-lead.ts';
import { settingsQueryOptions } from '../features/settings/api/get-settings.ts';
import { teamQueryOptions } from '../features/users/api/list-team.ts';
import { ApiError, errorMessage } from '../lib/api-client.ts';
import { safeRedirect } from '../lib/safe-redirect.ts';
import { AppLayout } from './layout.tsx';
import { AuditPage } from './routes/audit-page.tsx';
import { CustomerEditPage } from './routes/customer-edit-page.tsx';
import { CustomerNewPage } from './routes/customer-new-page.tsx';
import { CustomerPage } from './routes/customer-page.tsx';
import { CustomersPage } from './routes/customers-page.tsx';
import { LeadEditPage } from './routes/lead-edit-page.tsx';
import { LeadNewPage } from './routes/lead-new-page.tsx';
import { LeadPage } from './routes/lead-page.tsx';
import { LeadsPage } from './routes/leads-page.tsx';
import { MyDashboardPage } from './routes/my-dashboard-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { PipelinePage } from './routes/pipeline-page.tsx';
import { ProfilePage } from './routes/profile-page.tsx';
import { SettingsPage } from './routes/settings-page.tsx';
import { SetupPage } from './routes/setup-page.tsx';
import { SignInPage } from './routes/sign-in-page.tsx';
import { SignUpPage } from './routes/sign-up-page.tsx';
import { TeamDashboardPage } from './routes/team-dashboard-page.tsx';
import { UsersPage } from './routes/users-page.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

function RouteError({ error, reset }: ErrorComponentProps) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage what="record" />;
  return (
    <Stack py="xl" maw={560} mx="auto">
      <Alert color="red" title="Something went wrong" role="alert">
        {errorMessage(error)}
      </Alert>
      <Button variant="default" onClick={reset}>
        Try again
      </Button>
    </Stack>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: () => <NotFoundPage />,
});

/** Signed-out pages send a signed-in user on, and everyone to setup until it is done. */
async function publicGuard(queryClient: QueryClient, target?: string) {
  const status = await queryClient.ensureQueryData(setupStatusQueryOptions);
  if (status.needsSetup) throw redirect({ to: '/setup' });
  const me = await queryClient.ensureQueryData(meQueryOptions);
  if (me) throw redirect({ href: safeRedirect(target) });
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: z.object({ redirect: z.string().optional() }),
  beforeLoad: ({ context, search }) => publicGuard(context.queryClient, search.redirect),
  component: function SignInRoute() {
    const { redirect: target } = signInRoute.useSearch();
    return <SignInPage {...(target ? { redirect: target } : {})} />;
  },
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  beforeLoad: ({ context }) => publicGuard(context.queryClient),
  component: SignUpPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.fetchQuery(setupStatusQueryOptions);
    if (!status.needsSetup) throw redirect({ to: '/sign-in', search: {} });
  },
  component: SetupPage,
});

/** Every app page: signed-in users only; others go to sign-in and come back afterwards. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) {
      const status = await context.queryClient.fetchQuery(setupStatusQueryOptions);
      if (status.needsSetup) throw redirect({ to: '/setup' });
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
    return { me };
  },
  component: function AppRoute() {
    const { me } = appRoute.useRouteContext();
    return <AppLayout me={me} />;
  },
  errorComponent: RouteError,
  pendingComponent: () => <CenteredLoader />,
});

/** Sales users start on their own dashboard; everyone else on the customers. */
const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const { can } = context.me;
    if (can.viewOwnAnalytics && !can.readAllLeads) throw redirect({ to: '/dashboard' });
    throw redirect({ to: '/customers' });
  },
});

const customersSearch = z.object({
  q: z.string().optional().catch(undefined),
  sort: z
    .enum(['createdAt', '-createdAt', 'lastName', '-lastName', 'company', '-company'])
    .optional()
    .catch(undefined),
});

const customersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers',
  validateSearch: customersSearch,
  component: function CustomersRoute() {
    const params = customersRoute.useSearch();
    const { me } = customersRoute.useRouteContext();
    const navigate = customersRoute.useNavigate();
    return (
      <CustomersPage
        params={params}
        canCreate={me.can.createCustomers}
        onParamsChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
});

const customerNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/new',
  beforeLoad: ({ context }) => {
    if (!context.me.can.createCustomers) throw redirect({ to: '/customers' });
  },
  component: CustomerNewPage,
});

const customerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(customerQueryOptions(params.customerId)),
  component: function CustomerRoute() {
    const { customerId } = customerRoute.useParams();
    return <CustomerPage customerId={customerId} />;
  },
  errorComponent: RouteError,
});

const customerEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId/edit',
  loader: async ({ context, params }) => {
    const customer = await context.queryClient.ensureQueryData(
      customerQueryOptions(params.customerId),
    );
    // The server would refuse the save; do not offer the form at all.
    if (!customer.can.edit) {
      throw redirect({ to: '/customers/$customerId', params: { customerId: customer.id } });
    }
    return customer;
  },
  component: function CustomerEditRoute() {
    const { customerId } = customerEditRoute.useParams();
    return <CustomerEditPage customerId={customerId} />;
  },
  errorComponent: RouteError,
});

/** A hand-typed `?q=555` arrives as a number; a search is always text. */
const searchText = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().optional(),
);

const leadsSearch = z.object({
  q: searchText.catch(undefined),
  sort: z
    .enum([
      'createdAt',
      '-createdAt',
      'updatedAt',
      '-updatedAt',
      'value',
      '-value',
      'lastName',
      '-lastName',
    ])
    .optional()
    .catch(undefined),
  /** Comma lists, as the API takes them: `status=new,contacted`. */
  status: z.string().optional().catch(undefined),
  ownerId: z.string().optional().catch(undefined),
  source: z.string().optional().catch(undefined),
});

const leadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads',
  validateSearch: leadsSearch,
  component: function LeadsRoute() {
    const params = leadsRoute.useSearch();
    const { me } = leadsRoute.useRouteContext();
    const navigate = leadsRoute.useNavigate();
    return (
      <LeadsPage
        params={params}
        showOwnerFilter={me.can.readAllLeads}
        onParamsChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
});

const leadNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/new',
  beforeLoad: ({ context }) => {
    if (!context.me.can.createLeads) throw redirect({ to: '/leads' });
  },
  component: function LeadNewRoute() {
    const { me } = leadNewRoute.useRouteContext();
    return <LeadNewPage me={me} />;
  },
});

const leadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/$leadId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(leadQueryOptions(params.leadId)),
  component: function LeadRoute() {
    const { leadId } = leadRoute.useParams();
    return <LeadPage leadId={leadId} />;
  },
  errorComponent: RouteError,
});

const leadEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/$leadId/edit',
  loader: async ({ context, params }) => {
    const lead = await context.queryClient.ensureQueryData(leadQueryOptions(params.leadId));
    // Locked, or not theirs to edit: the server would refuse the save, so no form at all.
    if (!lead.can.edit) throw redirect({ to: '/leads/$leadId', params: { leadId: lead.id } });
    return lead;
  },
  component: function LeadEditRoute() {
    const { leadId } = leadEditRoute.useParams();
    return <LeadEditPage leadId={leadId} />;
  },
  errorComponent: RouteError,
});

const pipelineSearch = z.object({
  q: searchText.catch(undefined),
  /** `me`, `none` (unassigned) or a user id. */
  ownerId: z.string().optional().catch(undefined),
  /** Comma list, as the API takes it. */
  source: z.string().optional().catch(undefined),
});

const pipelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pipeline',
  validateSearch: pipelineSearch,
  component: function PipelineRoute() {
    const params = pipelineRoute.useSearch();
    const { me } = pipelineRoute.useRouteContext();
    const navigate = pipelineRoute.useNavigate();
    return (
      <PipelinePage
        me={me}
        params={params}
        onParamsChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
});

/** A dashboard's range: a preset, or `custom` with `from` and `to` (YYYY-MM-DD, UTC). */
const dashboardSearch = z.object({
  range: z.enum(['month', '30d', 'quarter', 'year', 'all', 'custom']).optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
});

const myDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: dashboardSearch,
  // Viewers own no leads: they have no dashboard of their own.
  beforeLoad: ({ context }) => {
    if (!context.me.can.viewOwnAnalytics) throw redirect({ to: '/customers' });
  },
  component: function MyDashboardRoute() {
    const params = myDashboardRoute.useSearch();
    const navigate = myDashboardRoute.useNavigate();
    return (
      <MyDashboardPage
        params={params}
        onParamsChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
});

const teamDashboardSearch = dashboardSearch.extend({
  ownerId: z.string().optional().catch(undefined),
});

const teamDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard/team',
  validateSearch: teamDashboardSearch,
  beforeLoad: ({ context }) => {
    if (!context.me.can.viewTeamAnalytics) throw redirect({ to: '/dashboard' });
  },
  component: function TeamDashboardRoute() {
    const params = teamDashboardRoute.useSearch();
    const navigate = teamDashboardRoute.useNavigate();
    return (
      <TeamDashboardPage
        params={params}
        onParamsChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  beforeLoad: ({ context }) => {
    if (!context.me.can.manageSettings) throw redirect({ to: '/customers' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(settingsQueryOptions),
  component: SettingsPage,
  errorComponent: RouteError,
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  beforeLoad: ({ context }) => {
    if (!context.me.can.manageUsers) throw redirect({ to: '/customers' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(teamQueryOptions),
  component: function UsersRoute() {
    const { me } = usersRoute.useRouteContext();
    return <UsersPage currentUserId={me.id} />;
  },
  errorComponent: RouteError,
});

const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: function ProfileRoute() {
    const { me } = profileRoute.useRouteContext();
    return <ProfilePage me={me} />;
  },
  errorComponent: RouteError,
});

/** The audit log's filters: a category or action, a user id, UTC days. */
const auditSearch = z.object({
  action: z.string().optional().catch(undefined),
  userId: z.string().optional().catch(undefined),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: auditSearch,
  beforeLoad: ({ context }) => {
    if (!context.me.can.viewAuditLog) throw redirect({ to: '/' });
  },
  component: function AuditRoute() {
    const params = auditRoute.useSearch();
    const navigate = auditRoute.useNavigate();
    return (
      <AuditPage
        params={params}
        onParamsChange={(next) => navigate({ search: next, replace: true })}
      />
    );
  },
  errorComponent: RouteError,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  setupRoute,
  appRoute.addChildren([
    indexRoute,
    myDashboardRoute,
    teamDashboardRoute,
    pipelineRoute,
    leadsRoute,
    leadNewRoute,
    leadRoute,
    leadEditRoute,
    customersRoute,
    customerNewRoute,
    customerRoute,
    customerEditRoute,
    usersRoute,
    settingsRoute,
    profileRoute,
    auditRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingMinMs: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
