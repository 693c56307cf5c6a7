import { Testing } from 'cdktf';
import { PrivateChatGatewayStack } from '../../examples/private-chat-gateway/main';
import { onlyResource, resourcesOf, synth, warningsOf } from '../util';
import { CHAT_ADMINS_GROUP, CHAT_USERS_GROUP, DB_OPERATORS_GROUP, expectEntraDatabaseAdministrator, expectSignInByGroups } from './sign-in-expectations';

describe('examples/private-chat-gateway', () => {
  const build = () => new PrivateChatGatewayStack(Testing.app(), 'chat-gateway');
  const json = JSON.parse(synth(build()));

  test('Open WebUI calls the gateway, forwarding the signed-in user; the gateway alone holds a role on the account', () => {
    const apimName = Object.keys(resourcesOf(json, 'azurerm_api_management'))[0];
    const settings = onlyResource(json, 'azurerm_linux_web_app').app_settings;
    expect(settings.OPENAI_API_BASE_URLS).toBe(`\${azurerm_api_management.${apimName}.gateway_url}/openai/v1`);
    expect(settings.ENABLE_FORWARD_USER_INFO_HEADERS).toBe('True');
    const onAccount = Object.values(resourcesOf(json, 'azurerm_role_assignment')).filter((r: any) => String(r.scope).includes('azurerm_cognitive_account')) as any[];
    expect(onAccount.map((r) => r.principal_id)).toEqual([`\${azurerm_api_management.${apimName}.identity[0].principal_id}`]);
  });

  test('the gateway is private: a Gateway private endpoint, public access disabled after it, outbound through its own subnet', () => {
    const pe = Object.values(resourcesOf(json, 'azurerm_private_endpoint')).find((e: any) => e.private_service_connection.subresource_names[0] === 'Gateway') as any;
    expect(pe).toBeDefined();
    const patch = Object.values(resourcesOf(json, 'azapi_update_resource')).find((u: any) => u.body.properties.publicNetworkAccess) as any;
    expect(patch.body.properties).toEqual({ publicNetworkAccess: 'Disabled' });
    expect(patch.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_private_endpoint\./)]));
    expect(onlyResource(json, 'azurerm_api_management').virtual_network_type).toBe('External');
  });

  test('token counts reach the LLM log, and token metrics a private Application Insights through a new private link scope', () => {
    const llm = Object.values(resourcesOf(json, 'azapi_update_resource')).find((u: any) => u.body.properties.largeLanguageModel) as any;
    expect(llm.body.properties.largeLanguageModel.logs).toBe('enabled');
    const insights = onlyResource(json, 'azurerm_application_insights');
    expect(insights).toMatchObject({ internet_ingestion_enabled: false, local_authentication_disabled: true });
    expect(onlyResource(json, 'azurerm_monitor_private_link_scope').ingestion_access_mode).toBe('PrivateOnly');
    const zones = Object.values(resourcesOf(json, 'azurerm_private_dns_zone')).map((z: any) => z.name);
    expect(zones).toEqual(expect.arrayContaining(['privatelink.monitor.azure.com', 'privatelink.blob.core.windows.net']));
    const diagnostic = Object.values(resourcesOf(json, 'azapi_resource')).find((r: any) => r.name === 'applicationinsights') as any;
    expect(diagnostic.body.properties.metrics).toBe(true);
  });

  test('the usage workbook sits in the stack workspace', () => {
    expect(onlyResource(json, 'azurerm_application_insights_workbook').category).toBe('workbook');
  });

  test('only the chat users\' and admins\' groups sign in, and only the admins\' group administers', () => {
    expectSignInByGroups(json, CHAT_USERS_GROUP, CHAT_ADMINS_GROUP);
  });

  test('the operators\' group administers the history database through Entra ID', () => {
    expectEntraDatabaseAdministrator(json, DB_OPERATORS_GROUP);
  });

  test('synthesizes with no warning: someone can sign in, and operators reach the database through Entra ID', () => {
    const stack = build();
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
