import { redirect } from '@sveltejs/kit';
import { roleAtLeast } from '$runtime/auth/roles';
import type { Role } from '$runtime/store/schema';
import { adminExists, routeAccess } from '$lib/server/http/route-guard';
import type { LayoutServerLoad } from './$types';

/** The studio's sections, each with the least role that sees it; the server decides what is shown. */
const NAV: readonly { href: string; label: string; hint: string; minRole: Role }[] = [
  { href: '/templates', label: 'Templates', hint: 'Mappings and reconciliations', minRole: 'viewer' },
  { href: '/runs', label: 'Runs', hint: 'Executions and their results', minRole: 'viewer' },
  { href: '/breaks', label: 'Breaks', hint: 'Differences to review', minRole: 'viewer' },
  { href: '/data', label: 'Data', hint: 'Uploaded files', minRole: 'viewer' },
  { href: '/audit', label: 'Audit', hint: 'Who changed what, tamper-evident', minRole: 'approver' },
  { href: '/users', label: 'Users', hint: 'Accounts and roles', minRole: 'admin' },
  { href: '/settings', label: 'Settings', hint: 'This installation', minRole: 'viewer' },
];

// Reading url makes this load run on every navigation, so the guard is never skipped.
export const load: LayoutServerLoad = async ({ locals, url }) => {
  const access = await routeAccess({ url, user: locals.user, adminExists: () => adminExists(locals.app) });
  if (access.kind === 'redirect') redirect(303, access.location);
  const user = locals.user;
  return {
    user: user ? { name: user.name, email: user.email ?? null, role: user.role } : null,
    nav: user ? NAV.filter((item) => roleAtLeast(user.role, item.minRole)).map(({ minRole: _, ...item }) => item) : [],
    handsontableLicenseKey: locals.app.config.handsontableLicenseKey,
  };
};
