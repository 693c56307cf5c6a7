// What an example that models an enterprise must show about who gets in (issue 22): sign-in by
// assignment to the groups it names, and operators who reach the history database through Entra ID.
import { onlyResource, resourcesOf } from '../util';

/** The group object ids the enterprise examples use. */
export const CHAT_USERS_GROUP = '44444444-5555-6666-7777-888888888888';
export const CHAT_ADMINS_GROUP = '55555555-6666-7777-8888-999999999999';
export const DB_OPERATORS_GROUP = '66666666-7777-8888-9999-aaaaaaaaaaaa';

/**
 * The created registration requires assignment, and exactly the users' group holds `User` and
 * the admins' group `Admin` (the app roles Open WebUI maps to user and admin).
 */
export function expectSignInByGroups(json: any, users: string, admins: string): void {
  const application = onlyResource(json, 'azuread_application');
  const roleId = (value: string) => (application.app_role as any[]).find((r) => r.value === value).id;
  const [spName, sp] = Object.entries(resourcesOf(json, 'azuread_service_principal'))[0] as [string, any];
  expect(Object.keys(resourcesOf(json, 'azuread_service_principal'))).toHaveLength(1);
  expect(sp.app_role_assignment_required).toBe(true);
  const assignments = (Object.values(resourcesOf(json, 'azuread_app_role_assignment')) as any[])
    .map((a) => [a.principal_object_id, a.app_role_id, a.resource_object_id]);
  const resource = `\${azuread_service_principal.${spName}.object_id}`;
  expect(assignments).toEqual(expect.arrayContaining([[users, roleId('User'), resource], [admins, roleId('Admin'), resource]]));
  expect(assignments).toHaveLength(2);
}

/** Entra authentication is on, and the operators' group is the server's Entra administrator. */
export function expectEntraDatabaseAdministrator(json: any, group: string): void {
  const server = onlyResource(json, 'azurerm_postgresql_flexible_server');
  expect(server.authentication).toMatchObject({ active_directory_auth_enabled: true });
  expect(onlyResource(json, 'azurerm_postgresql_flexible_server_active_directory_administrator'))
    .toMatchObject({ object_id: group, principal_type: 'Group', principal_name: 'Chat DB operators' });
}
