import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { TerraformStack } from 'cdktf';
import { address, baseProps, buildApp, fixture, ref } from './fixtures';
import { ChatFrontEnd, ChatIdentity, ChatWebApp, ChatWebAppProps, ContainerImage, SignIn } from '../../src/app';
import { OPEN_WEBUI_BOOTSTRAP_ADMIN_EMAIL } from '../../src/app/front-end';
import { appRoleIdFor } from '../../src/app/private/chat-sign-in';
import { Compliance } from '../../src/compliance';
import { IPrincipal, Principal, Warnings } from '../../src/core';
import { PrivateChat, PrivateChatProps } from '../../src/pattern';
import { newStack, onlyResource, resourcesOf, synth, synthJson, Synthesized } from '../util';

const STAFF = '11111111-aaaa-4aaa-8aaa-111111111111';
const ADMINS = '22222222-bbbb-4bbb-8bbb-222222222222';
const ALICE = '33333333-cccc-4ccc-8ccc-333333333333';
const GUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A ChatWebApp `Chat` with principals made in its stack. */
function appWith(make: (stack: TerraformStack) => Partial<ChatWebAppProps>) {
  const f = fixture();
  const app = new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), ...make(f.stack) });
  return { f, app };
}

function staffAndAdmins(stack: TerraformStack): Partial<ChatWebAppProps> {
  return {
    signInPrincipals: [Principal.fromGroupObjectId(stack, 'Staff', STAFF), Principal.fromUserObjectId(stack, 'Alice', ALICE)],
    adminGroups: [Principal.fromGroupObjectId(stack, 'Admins', ADMINS)],
  };
}

function webAppOf(json: Synthesized): any {
  return onlyResource(json, 'azurerm_linux_web_app');
}

function assignments(json: Synthesized): any[] {
  return Object.values(resourcesOf(json, 'azuread_app_role_assignment'));
}

function chat(props: Partial<PrivateChatProps> = {}, make?: (stack: TerraformStack) => Partial<PrivateChatProps>) {
  const stack = newStack();
  const pc = new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props, ...(make ? make(stack) : {}) });
  return { stack, pc };
}

describe('sign-in by assignment (created registration)', () => {
  test('the service principal requires assignment by default', () => {
    const { f, app } = buildApp();
    expect(synth(f.stack)).toHaveResourceWithProperties(ServicePrincipal, {
      client_id: ref(app.application!, 'client_id'),
      app_role_assignment_required: true,
    });
  });

  test('the application defines the User and Admin app roles with ids hashed from its path', () => {
    const { f, app } = buildApp();
    const application = onlyResource(synthJson(f.stack), 'azuread_application');
    const path = app.node.findChild('SignIn').node.path;
    expect(application.app_role).toEqual([
      expect.objectContaining({ value: 'User', id: appRoleIdFor(path, 'User'), allowed_member_types: ['User'], enabled: true }),
      expect.objectContaining({ value: 'Admin', id: appRoleIdFor(path, 'Admin'), allowed_member_types: ['User'], enabled: true }),
    ]);
    for (const role of application.app_role) expect(role.id).toMatch(GUID_V5);
    expect(application.app_role[0].id).not.toBe(application.app_role[1].id);
    // Same input, same ids: a second synth of a fresh stack gives the same roles.
    expect(onlyResource(synthJson(buildApp().f.stack), 'azuread_application').app_role).toEqual(application.app_role);
    expect(appRoleIdFor('other/Chat/SignIn', 'User')).not.toBe(appRoleIdFor(path, 'User'));
  });

  test("Open WebUI's OpenID Connect callback is a redirect URI of the registration", () => {
    const { f } = buildApp();
    const json = synthJson(f.stack);
    const host = `${webAppOf(json).name}.azurewebsites.net`;
    expect(onlyResource(json, 'azuread_application').web.redirect_uris).toEqual([
      `https://${host}/.auth/login/aad/callback`,
      `https://${host}/oauth/oidc/callback`,
    ]);
  });

  test('each sign-in principal gets the User role and each admin group the Admin role, on the service principal', () => {
    const { f, app } = appWith(staffAndAdmins);
    const out = synth(f.stack);
    const sp = ref(app.servicePrincipal!, 'object_id');
    const path = app.node.findChild('SignIn').node.path;
    const user = appRoleIdFor(path, 'User');
    const admin = appRoleIdFor(path, 'Admin');
    expect(out).toHaveResourceWithProperties(AppRoleAssignment, { app_role_id: user, principal_object_id: STAFF, resource_object_id: sp });
    expect(out).toHaveResourceWithProperties(AppRoleAssignment, { app_role_id: user, principal_object_id: ALICE, resource_object_id: sp });
    expect(out).toHaveResourceWithProperties(AppRoleAssignment, { app_role_id: admin, principal_object_id: ADMINS, resource_object_id: sp });
    expect(assignments(JSON.parse(out))).toHaveLength(3);
    expect(app.signInAssignments.map((a) => a.node.id)).toEqual([
      expect.stringMatching(/^User-[0-9a-f]{8}$/), expect.stringMatching(/^User-[0-9a-f]{8}$/), expect.stringMatching(/^Admin-[0-9a-f]{8}$/),
    ]);
  });

  test('an admin group among the sign-in principals too gets both roles', () => {
    const { f } = appWith((stack) => {
      const admins = Principal.fromGroupObjectId(stack, 'Admins', ADMINS);
      return { signInPrincipals: [admins], adminGroups: [admins] };
    });
    expect(assignments(synthJson(f.stack)).map((a) => a.principal_object_id)).toEqual([ADMINS, ADMINS]);
  });

  test('reordering the principals changes no address', () => {
    const addresses = (reverse: boolean) => {
      const { app } = appWith((stack) => {
        const list = [Principal.fromGroupObjectId(stack, 'Staff', STAFF), Principal.fromUserObjectId(stack, 'Alice', ALICE)];
        return { signInPrincipals: reverse ? list.reverse() : list };
      });
      return app.signInAssignments.map((a) => address(a)).sort();
    };
    expect(addresses(true)).toEqual(addresses(false));
  });

  test('with no principals the stack still synthesizes, assigns nobody and warns how to assign a group', () => {
    const { f, app } = buildApp();
    const json = synthJson(f.stack);
    expect(assignments(json)).toEqual([]);
    const warnings = Warnings.of(f.stack).filter((w) => w.id === 'no-sign-in-assignments');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].constructPath).toBe(app.node.path);
    expect(warnings[0].message).toContain(`ChatWebApp '${app.node.path}': nobody can sign in until a user or group is assigned`);
    expect(warnings[0].message).toContain("'signInPrincipals' and 'adminGroups' are empty");
    expect(warnings[0].message).toContain('appRoleAssignedTo');
    expect(warnings[0].message).toContain(appRoleIdFor(app.node.findChild('SignIn').node.path, 'User'));
    expect(warnings[0].message).toMatch(/\[no-sign-in-assignments\]$/);
  });

  test('no warning once a principal is given, or when only admins are given', () => {
    const { f } = appWith(staffAndAdmins);
    expect(Warnings.of(f.stack).filter((w) => w.id === 'no-sign-in-assignments')).toEqual([]);
    const admins = appWith((stack) => ({ adminGroups: [Principal.fromGroupObjectId(stack, 'Admins', ADMINS)] }));
    expect(Warnings.of(admins.f.stack).filter((w) => w.id === 'no-sign-in-assignments')).toEqual([]);
  });

  test('the warning can be acknowledged with a reason', () => {
    const { f } = buildApp();
    Warnings.acknowledge(f.stack, 'no-sign-in-assignments', 'the identity team assigns groups in the portal after the apply');
    expect(Warnings.unacknowledged(f.stack).filter((m) => m.includes('no-sign-in-assignments'))).toEqual([]);
  });

  test('assignmentRequired: false lets everyone in, and PCHAT-ID-001 fails on the service principal', () => {
    const { f, app } = buildApp({ signIn: SignIn.createAppRegistration({ assignmentRequired: false }) });
    expect(Warnings.of(f.stack).filter((w) => w.id === 'no-sign-in-assignments')).toEqual([]);
    const findings = Compliance.report(f.stack).failures.filter((x) => x.ruleId === 'PCHAT-ID-001');
    expect(findings).toEqual([expect.objectContaining({
      constructPath: app.servicePrincipal!.node.path,
      problem: expect.stringContaining("'app_role_assignment_required' must be true, got false"),
    })]);
  });
});

describe("Open WebUI's roles come from Entra", () => {
  test('Open WebUI signs users in with OpenID Connect against the registration and maps the app roles', () => {
    const { f, app } = buildApp();
    const settings = webAppOf(synthJson(f.stack)).app_settings;
    const vaultRef = (secretId: string) => expect.stringMatching(new RegExp(`^@Microsoft\\.KeyVault\\(SecretUri=.*azapi_resource\\.${secretId}.*\\)$`));
    const signInSecret = app.signInSecret!.node.findChild('Resource') as any;
    const adminSecret = app.bootstrapAdminSecret!.node.findChild('Resource') as any;
    expect(settings).toEqual(expect.objectContaining({
      ENABLE_OAUTH: 'True',
      ENABLE_OAUTH_SIGNUP: 'True',
      ENABLE_OAUTH_PERSISTENT_CONFIG: 'False',
      OAUTH_CLIENT_ID: ref(app.application!, 'client_id'),
      OAUTH_CLIENT_SECRET: vaultRef(signInSecret.friendlyUniqueId),
      OPENID_PROVIDER_URL: 'https://login.microsoftonline.com/${data.azurerm_client_config.AzurermClientConfig.tenant_id}/v2.0/.well-known/openid-configuration',
      OPENID_REDIRECT_URI: `https://${webAppOf(synthJson(f.stack)).name}.azurewebsites.net/oauth/oidc/callback`,
      OAUTH_EMAIL_CLAIM: 'preferred_username',
      OAUTH_MERGE_ACCOUNTS_BY_EMAIL: 'True',
      ENABLE_OAUTH_ROLE_MANAGEMENT: 'True',
      OAUTH_ROLES_CLAIM: 'roles',
      OAUTH_ALLOWED_ROLES: 'User,Admin',
      OAUTH_ADMIN_ROLES: 'Admin',
      ENABLE_OAUTH_GROUP_MANAGEMENT: 'False',
      DEFAULT_USER_ROLE: 'pending',
      ENABLE_SIGNUP: 'False',
      ENABLE_LOGIN_FORM: 'False',
      ENABLE_PASSWORD_AUTH: 'False',
      OAUTH_AUTO_REDIRECT: 'True',
      WEBUI_ADMIN_EMAIL: OPEN_WEBUI_BOOTSTRAP_ADMIN_EMAIL,
      WEBUI_ADMIN_PASSWORD: vaultRef(adminSecret.friendlyUniqueId),
    }));
    expect(settings.WEBUI_AUTH_TRUSTED_EMAIL_HEADER).toBeUndefined();
    expect(OPEN_WEBUI_BOOTSTRAP_ADMIN_EMAIL).toMatch(/\.invalid$/);
  });

  test('the placeholder admin password is generated once into the vault, never in clear', () => {
    const { f, app } = buildApp();
    const json = synthJson(f.stack);
    const secret = Object.entries(resourcesOf(json, 'azapi_resource')).find(([k]) => k.includes('BootstrapAdmin'))![1];
    expect(secret.name).toMatch(/^bootstrap-admin-chat-[0-9a-f]{6}$/);
    expect(secret.body.properties.contentType).toBe('unused-admin-password');
    expect(secret.sensitive_body.properties.value).toMatch(/^\$\{terraform_data\..*BootstrapAdmin.*\.output\}$/);
    expect(app.bootstrapAdminSecret).toBeDefined();
  });

  test.each([
    ['DEFAULT_USER_ROLE', 'admin'],
    ['OAUTH_ADMIN_ROLES', 'User'],
    ['ENABLE_OAUTH_ROLE_MANAGEMENT', 'False'],
    ['ENABLE_PASSWORD_AUTH', 'True'],
  ])('fails when appSettings overrides %s, which carries the sign-in design', (key, value) => {
    expect(() => buildApp({ appSettings: { [key]: value } })).toThrow(`'appSettings.${key}' must not be set: the construct wires it from 'frontEnd', got '${value}'`);
  });

  test('other front ends keep App Service sign-in alone: no OIDC callback, no placeholder admin, same assignment gate', () => {
    const { f } = appWith((stack) => ({ frontEnd: ChatFrontEnd.sampleChatApp(), ...staffAndAdmins(stack) }));
    const json = synthJson(f.stack);
    expect(onlyResource(json, 'azuread_application').web.redirect_uris).toHaveLength(1);
    expect(webAppOf(json).app_settings.OAUTH_CLIENT_ID).toBeUndefined();
    expect(Object.keys(resourcesOf(json, 'azapi_resource')).filter((k) => k.includes('BootstrapAdmin'))).toEqual([]);
    expect(onlyResource(json, 'azuread_service_principal').app_role_assignment_required).toBe(true);
    expect(assignments(json)).toHaveLength(3);
  });
});

describe('sign-in with an existing registration', () => {
  const CLIENT = '44444444-dddd-4ddd-8ddd-444444444444';
  const TENANT = '55555555-eeee-4eee-8eee-555555555555';
  const SP = '66666666-ffff-4fff-8fff-666666666666';
  const USER_ROLE = '77777777-aaaa-4aaa-8aaa-777777777777';
  const ADMIN_ROLE = '88888888-bbbb-4bbb-8bbb-888888888888';
  const existing = (more: object = {}) => SignIn.withExistingRegistration({
    clientId: CLIENT, tenantId: TENANT, clientSecretKeyVaultSecretId: 'https://kv-hub.vault.azure.net/secrets/chat-signin', ...more,
  });

  test('creates no registration, role or assignment and does not warn; Open WebUI still takes roles from its app roles', () => {
    const { f } = buildApp({ signIn: existing() });
    const json = synthJson(f.stack);
    expect(resourcesOf(json, 'azuread_application')).toEqual({});
    expect(assignments(json)).toEqual([]);
    expect(Warnings.of(f.stack).filter((w) => w.id === 'no-sign-in-assignments')).toEqual([]);
    expect(webAppOf(json).app_settings).toEqual(expect.objectContaining({
      OAUTH_CLIENT_ID: CLIENT,
      OAUTH_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=https://kv-hub.vault.azure.net/secrets/chat-signin)',
      OPENID_PROVIDER_URL: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
      OAUTH_ADMIN_ROLES: 'Admin',
    }));
  });

  test('assigns principals when the service principal and role ids are given', () => {
    const { f } = appWith((stack) => ({
      signIn: existing({ servicePrincipalObjectId: SP, userAppRoleId: USER_ROLE, adminAppRoleId: ADMIN_ROLE }),
      ...staffAndAdmins(stack),
    }));
    const json = synthJson(f.stack);
    expect(assignments(json)).toHaveLength(3);
    expect(assignments(json)).toEqual(expect.arrayContaining([
      expect.objectContaining({ app_role_id: USER_ROLE, principal_object_id: STAFF, resource_object_id: SP }),
      expect.objectContaining({ app_role_id: USER_ROLE, principal_object_id: ALICE, resource_object_id: SP }),
      expect.objectContaining({ app_role_id: ADMIN_ROLE, principal_object_id: ADMINS, resource_object_id: SP }),
    ]));
  });

  test('fails when principals are given without the ids the assignments need', () => {
    expect(() => appWith((stack) => ({ signIn: existing(), ...staffAndAdmins(stack) })))
      .toThrow("ChatWebApp 'test/Chat': 'signInPrincipals' with an existing registration needs 'signIn.servicePrincipalObjectId' and 'signIn.userAppRoleId' to assign them (or leave the assignments to the tenant's administrators and pass no 'signInPrincipals'), got none");
    expect(() => appWith((stack) => ({
      signIn: existing({ servicePrincipalObjectId: SP, userAppRoleId: USER_ROLE }),
      adminGroups: [Principal.fromGroupObjectId(stack, 'Admins', ADMINS)],
    }))).toThrow("ChatWebApp 'test/Chat': 'adminGroups' with an existing registration needs 'signIn.adminAppRoleId' to assign them");
  });

  test('fails when an id given for the assignments is no GUID', () => {
    expect(() => buildApp({ signIn: existing({ servicePrincipalObjectId: 'my-sp' }) }))
      .toThrow("ChatWebApp 'test/Chat': 'signIn.servicePrincipalObjectId' must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got 'my-sp'");
    expect(() => buildApp({ signIn: existing({ userAppRoleId: 'User' }) }))
      .toThrow("ChatWebApp 'test/Chat': 'signIn.userAppRoleId' must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got 'User'");
  });

  test('fails when the existing registration options hold an unknown field', () => {
    expect(() => existing({ adminRoleId: ADMIN_ROLE })).toThrow("'options.adminRoleId'");
  });
});

describe('bad sign-in principals', () => {
  test('fails when a sign-in principal is not a principal', () => {
    const f = fixture();
    expect(() => new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), signInPrincipals: [STAFF as unknown as IPrincipal] }))
      .toThrow("ChatWebApp 'test/Chat': 'signInPrincipals[0]' must be an IPrincipal (a ChatIdentity, or Principal.fromGroupObjectId(...)), got '11111111-aaaa-4aaa-8aaa-111111111111'");
  });

  test('fails when the admin groups are not a list of principals', () => {
    const f = fixture();
    expect(() => new ChatWebApp(f.stack, 'Chat', { ...baseProps(f), adminGroups: ADMINS as unknown as IPrincipal[] }))
      .toThrow("ChatWebApp 'test/Chat': 'adminGroups' must be");
  });

  test('fails when a sign-in principal is a service principal or managed identity', () => {
    expect(() => appWith((stack) => ({ signInPrincipals: [Principal.fromServicePrincipalObjectId(stack, 'Pipeline', STAFF)] })))
      .toThrow("ChatWebApp 'test/Chat': 'signInPrincipals[0]' must be a user or a group (Principal.fromUserObjectId or Principal.fromGroupObjectId): "
        + "a service principal or managed identity cannot sign in to the chat, got ServicePrincipal 'test/Pipeline'");
    expect(() => appWith((stack) => ({
      signInPrincipals: [new ChatIdentity(stack, 'Id', { resourceGroupName: 'rg', location: 'swedencentral' })],
    }))).toThrow("'signInPrincipals[0]' must be a user or a group");
  });

  test('fails when an admin is a user rather than a group', () => {
    expect(() => appWith((stack) => ({ adminGroups: [Principal.fromUserObjectId(stack, 'Alice', ALICE)] })))
      .toThrow("ChatWebApp 'test/Chat': 'adminGroups[0]' must be a group (Principal.fromGroupObjectId): the front end's admins come from an Entra group, "
        + "whose membership is reviewed in one place, got User 'test/Alice'");
  });

  test('fails when a list repeats a principal, as the same construct or the same object id', () => {
    expect(() => appWith((stack) => {
      const staff = Principal.fromGroupObjectId(stack, 'Staff', STAFF);
      return { signInPrincipals: [staff, staff] };
    })).toThrow("ChatWebApp 'test/Chat': 'signInPrincipals[1]' must not repeat a principal (same as 'signInPrincipals[0]'), got '11111111-aaaa-4aaa-8aaa-111111111111'");
    expect(() => appWith((stack) => ({
      adminGroups: [Principal.fromGroupObjectId(stack, 'A', ADMINS), Principal.fromGroupObjectId(stack, 'B', ADMINS.toUpperCase())],
    }))).toThrow("'adminGroups[1]' must not repeat a principal (same as 'adminGroups[0]')");
  });
});

describe('PrivateChat', () => {
  test('the five lines synthesize: assignment required, no assignment, the warning', () => {
    const { stack } = chat();
    const json = synthJson(stack);
    expect(onlyResource(json, 'azuread_service_principal').app_role_assignment_required).toBe(true);
    expect(assignments(json)).toEqual([]);
    expect(Warnings.unacknowledged(stack).filter((m) => m.includes('[no-sign-in-assignments]'))).toHaveLength(1);
    expect(Compliance.report(stack).failures.filter((x) => x.ruleId === 'PCHAT-ID-001')).toEqual([]);
  });

  test('passes the principals to the app registration', () => {
    const { stack } = chat({}, (s) => ({
      signInPrincipals: [Principal.fromGroupObjectId(s, 'Staff', STAFF)],
      adminGroups: [Principal.fromGroupObjectId(s, 'Admins', ADMINS)],
    }));
    const json = synthJson(stack);
    const sp = Object.keys(resourcesOf(json, 'azuread_service_principal'))[0];
    expect(assignments(json)).toHaveLength(2);
    expect(assignments(json)).toEqual(expect.arrayContaining([
      expect.objectContaining({ principal_object_id: STAFF, resource_object_id: `\${azuread_service_principal.${sp}.object_id}` }),
      expect.objectContaining({ principal_object_id: ADMINS, resource_object_id: `\${azuread_service_principal.${sp}.object_id}` }),
    ]));
    expect(Warnings.unacknowledged(stack).filter((m) => m.includes('[no-sign-in-assignments]'))).toEqual([]);
  });

  test("bad principals are reported on PrivateChat with the prop's name", () => {
    expect(() => chat({}, (s) => ({ adminGroups: [Principal.fromUserObjectId(s, 'Alice', ALICE)] })))
      .toThrow("PrivateChat 'test/chat': 'adminGroups[0]' must be a group (Principal.fromGroupObjectId)");
    expect(() => chat({ signInPrincipals: ['staff' as unknown as IPrincipal] }))
      .toThrow("PrivateChat 'test/chat': 'signInPrincipals[0]' must be an IPrincipal");
  });

  test('a custom image keeps the assignment gate', () => {
    const { stack } = chat({ image: ContainerImage.fromRegistry('https://contoso.azurecr.io', 'chat', '1.2.3', { port: 8080 }) });
    expect(onlyResource(synthJson(stack), 'azuread_service_principal').app_role_assignment_required).toBe(true);
  });
});

describe('PCHAT-ID-001', () => {
  test('fails when the sign-in application has no service principal in the stack', () => {
    const { f, app } = buildApp();
    app.servicePrincipal!.addOverride('client_id', '99999999-9999-4999-8999-999999999999');
    const findings = Compliance.report(f.stack).failures.filter((x) => x.ruleId === 'PCHAT-ID-001');
    expect(findings).toEqual([expect.objectContaining({
      constructPath: app.resource.node.path,
      problem: expect.stringContaining('no azuread_service_principal in the stack is that application\'s'),
    })]);
  });

  test('passes for an existing registration (a literal client id): the tenant configures it', () => {
    const { f } = buildApp({
      signIn: SignIn.withExistingRegistration({ clientId: '44444444-dddd-4ddd-8ddd-444444444444', clientSecretKeyVaultSecretId: 'https://kv-hub.vault.azure.net/secrets/x' }),
    });
    expect(Compliance.report(f.stack).failures.filter((x) => x.ruleId === 'PCHAT-ID-001')).toEqual([]);
  });

  test('an acknowledgement on the service principal accepts open sign-in', () => {
    const { f, app } = buildApp({ signIn: SignIn.createAppRegistration({ assignmentRequired: false }) });
    Compliance.acknowledge(app.servicePrincipal!, 'PCHAT-ID-001', 'a lab tenant where every account is a tester');
    const report = Compliance.report(f.stack);
    expect(report.failures.filter((x) => x.ruleId === 'PCHAT-ID-001')).toEqual([]);
    expect(report.acknowledged.filter((x) => x.ruleId === 'PCHAT-ID-001')).toEqual([expect.objectContaining({ acknowledgedReason: 'a lab tenant where every account is a tester' })]);
  });

  test('the rule is in the pack, mapped to the baseline', () => {
    const rule = Compliance.rules().find((r) => r.id === 'PCHAT-ID-001')!;
    expect(rule.mapsTo).toEqual(['SECURITY-BASELINE: Identity and data']);
    expect(rule.resourceTypes).toEqual(['azuread_service_principal', 'azurerm_linux_web_app']);
  });
});

test('the Application construct is the deep-imported class', () => {
  const { f, app } = buildApp();
  expect(app.application).toBeInstanceOf(Application);
  expect(synth(f.stack)).toHaveResourceWithProperties(Application, { sign_in_audience: 'AzureADMyOrg' });
});
