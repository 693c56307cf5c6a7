import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { TerraformStack, Testing, Token } from 'cdktf';
import { AiAccount, ContentFilterSeverity, DeploymentSku, OpenAiAccount } from '../../src/ai';
import { Principal } from '../../src/core';
import { synth, synthJson, warningsOf } from '../util';
import { address, aiFixture, blockOf, ref, resolve } from './fixture';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.CognitiveServices/accounts/oai-hub';
const GROUP_ID = '11111111-2222-3333-4444-555555555555';

describe('OpenAiAccount', () => {
  describe('the account', () => {
    test('is kind OpenAI, SKU S0, private, keyless, deny-by-default, outbound-restricted, with a system identity', () => {
      const f = aiFixture();
      new OpenAiAccount(f.stack, 'OpenAi', f.props);
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveAccount, {
        kind: 'OpenAI',
        sku_name: 'S0',
        resource_group_name: 'rg-chat',
        location: 'swedencentral',
        public_network_access_enabled: false,
        local_auth_enabled: false,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices' },
        outbound_network_access_restricted: true,
        fqdns: [],
        identity: { type: 'SystemAssigned' },
        lifecycle: { prevent_destroy: true },
      });
    });

    test('derives a deterministic custom subdomain and uses it as the account name', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      const block = blockOf(synthJson(f.stack), account.resource);
      expect(block.custom_subdomain_name).toMatch(/^oai-\$\{substr\(sha256\(.*"\/test\/OpenAi".*\), 0, 8\)\}$/);
      expect(block.custom_subdomain_name).toContain('data.azurerm_client_config');
      expect(block.name).toEqual(block.custom_subdomain_name);
      // Same tree, same JSON.
      const g = aiFixture();
      new OpenAiAccount(g.stack, 'OpenAi', g.props);
      expect(synth(g.stack)).toEqual(synth(f.stack));
    });

    test('keeps the derived subdomain when a name is given', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, name: 'oai-chat-prod' });
      const block = blockOf(synthJson(f.stack), account.resource);
      expect(block.name).toBe('oai-chat-prod');
      expect(block.custom_subdomain_name).toMatch(/^oai-\$\{/);
    });

    test('names the account after a given custom subdomain', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, customSubdomainName: 'contoso-chat' });
      const block = blockOf(synthJson(f.stack), account.resource);
      expect(block).toMatchObject({ name: 'contoso-chat', custom_subdomain_name: 'contoso-chat' });
      expect(account.customSubdomainName).toBe('contoso-chat');
      expect(account.accountName).toBe('contoso-chat');
    });

    test('passes the allowed FQDNs through', () => {
      const f = aiFixture();
      new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, allowedFqdns: ['search.contoso.com', '*.blob.core.windows.net'] });
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveAccount, {
        outbound_network_access_restricted: true,
        fqdns: ['search.contoso.com', '*.blob.core.windows.net'],
      });
    });

    test('turns the trusted services bypass off on request', () => {
      const f = aiFixture();
      new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, trustedServicesBypass: false });
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveAccount, {
        network_acls: { default_action: 'Deny', bypass: 'None' },
      });
    });

    test('adds user-assigned identities next to the system-assigned one', () => {
      const f = aiFixture();
      const uami = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk';
      new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, userAssignedIdentityIds: [uami] });
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveAccount, {
        identity: { type: 'SystemAssigned, UserAssigned', identity_ids: [uami] },
      });
    });

    test('lets the user opt out of prevent_destroy explicitly', () => {
      const f = aiFixture();
      new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, preventDestroy: false });
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveAccount, { lifecycle: { prevent_destroy: false } });
    });

    test('tags the account, the content filter and the private endpoint', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, tags: { env: 'prod' } });
      const json = synthJson(f.stack);
      expect(blockOf(json, account.resource).tags).toEqual({ env: 'prod' });
      expect(blockOf(json, account.contentFilter.resource).tags).toEqual({ env: 'prod' });
      expect(blockOf(json, account.privateEndpoint.resource).tags).toEqual({ env: 'prod' });
    });

    test('exposes typed attributes that reference the account', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      expect(resolve(f.stack, account.accountId)).toBe(ref(account.resource, 'id'));
      expect(resolve(f.stack, account.endpoint)).toBe(ref(account.resource, 'endpoint'));
      expect(resolve(f.stack, account.principalId)).toBe(ref(account.resource, 'identity[0].principal_id'));
      expect(resolve(f.stack, account.accountName)).toBe(resolve(f.stack, account.customSubdomainName));
    });

    test('records no warnings with default props', () => {
      // The default gpt-5.4 2026-03-05 is GA and retires on 2027-09-02, 284 days after the
      // catalogue's research date (the date assumed without the 'cdktf-private-chat:today' context).
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      expect(warningsOf(account)).toEqual([]);
    });
  });

  describe('the private endpoint', () => {
    test('connects to the account subresource in the private-endpoint subnet, with one zone group of both zones', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      const json = synthJson(f.stack);
      expect(Object.keys(json.resource!.azurerm_private_endpoint)).toHaveLength(1);
      const pe = blockOf(json, account.privateEndpoint.resource);
      expect(pe.subnet_id).toBe(ref(f.network.privateEndpointSubnet, 'id'));
      expect(pe.private_service_connection).toMatchObject({
        private_connection_resource_id: ref(account.resource, 'id'),
        subresource_names: ['account'],
        is_manual_connection: false,
      });
      expect(pe.private_dns_zone_group).toEqual({
        name: 'default',
        private_dns_zone_ids: [
          ref(f.dnsZones.zones['privatelink.openai.azure.com'], 'id'),
          ref(f.dnsZones.zones['privatelink.cognitiveservices.azure.com'], 'id'),
        ],
      });
    });

    test('is created after a wait that follows the account', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      const json = synthJson(f.stack);
      expect(blockOf(json, account.privateEndpoint.resource).depends_on).toEqual([address(account.provisioningWait)]);
      expect(blockOf(json, account.provisioningWait)).toEqual({ create_duration: '30s', depends_on: [address(account.resource)] });
      expect(synth(f.stack)).toHaveResourceWithProperties(Sleep, { create_duration: '30s' });
      expect(json.provider).toHaveProperty('time');
      expect(account.node.tryFindChild('WaitForProvisioning')).toBe(account.provisioningWait);
      expect(synth(f.stack)).toHaveResource(PrivateEndpoint);
    });
  });

  describe('diagnostics', () => {
    test('send audit, request/response and usage logs and all metrics to the workspace', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      const block = blockOf(synthJson(f.stack), account.diagnosticSetting);
      expect(block).toMatchObject({
        target_resource_id: ref(account.resource, 'id'),
        log_analytics_workspace_id: ref(f.monitoring.workspace, 'id'),
        enabled_log: [{ category: 'Audit' }, { category: 'RequestResponse' }, { category: 'AzureOpenAIRequestUsage' }],
        enabled_metric: [{ category: 'AllMetrics' }],
      });
      expect(synth(f.stack)).toHaveResource(MonitorDiagnosticSetting);
      expect(account.node.tryFindChild('Diagnostics')).toBe(account.diagnosticSetting);
    });
  });

  describe('deployments', () => {
    test('default to one gpt-5.4 deployment, pinned, DataZoneStandard, capacity 10, with the content filter', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      expect(account.deployments).toHaveLength(1);
      expect(account.deployments[0].deploymentName).toBe('gpt-5.4');
      const json = synthJson(f.stack);
      expect(Object.keys(json.resource!.azurerm_cognitive_deployment)).toHaveLength(1);
      expect(blockOf(json, account.deployments[0].resource)).toEqual({
        name: 'gpt-5.4',
        cognitive_account_id: ref(account.resource, 'id'),
        model: { format: 'OpenAI', name: 'gpt-5.4', version: '2026-03-05' },
        sku: { name: 'DataZoneStandard', capacity: 10 },
        version_upgrade_option: 'NoAutoUpgrade',
        rai_policy_name: account.contentFilter.policyName,
        depends_on: [address(account.contentFilter.resource)],
      });
    });

    test('are chained one after another, the first after the content filter, across models and addDeployment', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', {
        ...f.props,
        models: [
          { modelName: 'gpt-4o', modelVersion: '2024-11-20' },
          { modelName: 'text-embedding-3-small', modelVersion: '1', sku: DeploymentSku.DATA_ZONE_STANDARD, name: 'embeddings' },
        ],
      });
      const third = account.addDeployment('Reasoning', { modelName: 'gpt-5.4', modelVersion: '2026-03-05' });
      const fourth = account.addDeployment('Nano', { modelName: 'gpt-4.1-nano', modelVersion: '2025-04-14' });
      expect(account.deployments.map((d) => d.deploymentName)).toEqual(['gpt-4o', 'embeddings', 'gpt-5.4', 'gpt-4.1-nano']);
      expect(account.deployments[2]).toBe(third);
      expect(account.deployments[3]).toBe(fourth);

      const json = synthJson(f.stack);
      const [a, b, c, d] = account.deployments.map((dep) => blockOf(json, dep.resource));
      expect(a.depends_on).toEqual([address(account.contentFilter.resource)]);
      expect(b.depends_on).toEqual([address(account.deployments[0].resource)]);
      expect(c.depends_on).toEqual([address(account.deployments[1].resource)]);
      expect(d.depends_on).toEqual([address(account.deployments[2].resource)]);
      for (const block of [a, b, c, d]) {
        expect(block.rai_policy_name).toBe(account.contentFilter.policyName);
        expect(block.cognitive_account_id).toBe(ref(account.resource, 'id'));
      }
    });

    test('use the deployment name as construct id for models, so reordering never changes an address', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', {
        ...f.props,
        models: [{ modelName: 'gpt-4o', modelVersion: '2024-11-20', name: 'chat' }],
      });
      expect(account.node.tryFindChild('chat')).toBe(account.deployments[0]);
      expect(account.deployments[0].node.tryFindChild('Resource')).toBe(account.deployments[0].resource);
    });

    test('can be none, and a later addDeployment then waits for the content filter', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, models: [] });
      expect(account.deployments).toEqual([]);
      const dep = account.addDeployment('Chat', { modelName: 'gpt-5-mini', modelVersion: '2025-08-07' });
      expect(blockOf(synthJson(f.stack), dep.resource).depends_on).toEqual([address(account.contentFilter.resource)]);
    });

    test('can name another content filter', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, models: [] });
      account.addDeployment('Chat', { modelName: 'gpt-4o', modelVersion: '2024-11-20', raiPolicyName: 'strict-filter' });
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveDeployment, { rai_policy_name: 'strict-filter' });
    });

    test('pass the content filter options on to the filter, which belongs to the account', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', {
        ...f.props,
        contentFilter: { name: 'chat-filter', hate: { promptSeverity: ContentFilterSeverity.LOW } },
      });
      const block = blockOf(synthJson(f.stack), account.contentFilter.resource);
      expect(block.name).toBe('chat-filter');
      expect(block.cognitive_account_id).toBe(ref(account.resource, 'id'));
      expect(block.content_filter).toContainEqual(expect.objectContaining({ name: 'Hate', source: 'Prompt', severity_threshold: 'Low' }));
      expect(blockOf(synthJson(f.stack), account.deployments[0].resource).rai_policy_name).toBe('chat-filter');
    });
  });

  describe('grantUse', () => {
    test('grants Cognitive Services OpenAI User on this account to the principal and returns the assignment', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      const operators = Principal.fromGroupObjectId(f.stack, 'Operators', GROUP_ID);
      const assignment = account.grantUse(operators);
      expect(assignment).toBeInstanceOf(RoleAssignment);
      expect(account.grantUse(operators)).toBe(assignment);
      expect(blockOf(synthJson(f.stack), assignment)).toMatchObject({
        scope: ref(account.resource, 'id'),
        role_definition_name: 'Cognitive Services OpenAI User',
        principal_id: GROUP_ID,
        principal_type: 'Group',
      });
    });

    test('works on an existing account, scoped to its id', () => {
      const f = aiFixture();
      const existing = OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: ACCOUNT_ID });
      const operators = Principal.fromGroupObjectId(f.stack, 'Operators', GROUP_ID);
      existing.grantUse(operators);
      expect(synth(f.stack)).toHaveResourceWithProperties(RoleAssignment, {
        scope: ACCOUNT_ID,
        role_definition_name: 'Cognitive Services OpenAI User',
        principal_id: GROUP_ID,
      });
    });
  });

  describe('fromAttributes', () => {
    test('derives the name and endpoint from the id', () => {
      const f = aiFixture();
      const existing = OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: ACCOUNT_ID });
      expect(existing.accountId).toBe(ACCOUNT_ID);
      expect(existing.accountName).toBe('oai-hub');
      expect(existing.endpoint).toBe('https://oai-hub.openai.azure.com/');
    });

    test.each([
      ['OpenAiAccount', (st: TerraformStack, id: string) => OpenAiAccount.fromAttributes(st, 'Existing', { accountId: id }), { role_definition_name: 'Cognitive Services OpenAI User' }],
      ['AiAccount', (st: TerraformStack, id: string) => AiAccount.fromAttributes(st, 'Existing', { accountId: id }),
        // A role id by GUID: built under the account's subscription, where the assignment lives.
        { role_definition_id: '/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Authorization/roleDefinitions/53ca6127-db72-4b80-b1b0-d745d6d5456d' }],
    ])('%s.fromAttributes works for an account in another subscription: the grant\'s scope carries it', (_kind, importer, role) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
      const otherAccount = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ais-hub';
      const existing = importer(stack, otherAccount);
      existing.grantUse(Principal.fromGroupObjectId(stack, 'Users', GROUP_ID));
      expect(existing.endpoint).toBe('https://ais-hub.openai.azure.com/');
      expect(synth(stack)).toHaveResourceWithProperties(RoleAssignment, { scope: otherAccount, principal_id: GROUP_ID, ...role });
    });

    test('takes an explicit endpoint', () => {
      const f = aiFixture();
      const existing = OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: ACCOUNT_ID, endpoint: 'https://contoso.openai.azure.com/' });
      expect(existing.endpoint).toBe('https://contoso.openai.azure.com/');
    });

    test('accepts a token id and derives the name with a Terraform expression', () => {
      const f = aiFixture();
      const other = new OpenAiAccount(f.stack, 'Other', f.props);
      const existing = OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: other.accountId });
      expect(Token.isUnresolved(existing.accountName)).toBe(true);
      expect(resolve(f.stack, existing.accountName)).toBe(`\${element(split("/", ${address(other.resource)}.id), 8)}`);
    });

    test('fails when accountId is not a resource id', () => {
      const f = aiFixture();
      expect(() => OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: 'oai-hub' }))
        .toThrow(/'accountId' must be an Azure resource id .*, got 'oai-hub'/);
    });

    test('fails when accountId is not a Cognitive Services account', () => {
      const f = aiFixture();
      const vault = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';
      expect(() => OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: vault }))
        .toThrow(/'accountId' must be the id of a Microsoft.CognitiveServices\/accounts resource \(found Microsoft.KeyVault\/vaults\), got '.*vaults\/kv'/);
      const deployment = `${ACCOUNT_ID}/deployments/gpt-4o`;
      expect(() => OpenAiAccount.fromAttributes(f.stack, 'Existing2', { accountId: deployment }))
        .toThrow(/'accountId' must be the id of a Microsoft.CognitiveServices\/accounts resource \(found Microsoft.CognitiveServices\/accounts\/deployments\), got '\/subscriptions\/.*'/);
    });

    test('fails when endpoint is not an https URL', () => {
      const f = aiFixture();
      expect(() => OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: ACCOUNT_ID, endpoint: 'http://oai.example.com' }))
        .toThrow(/'endpoint' must be an https URL .*, got 'http:\/\/oai.example.com'/);
    });

    test('fails when endpoint is blank', () => {
      const f = aiFixture();
      expect(() => OpenAiAccount.fromAttributes(f.stack, 'Existing', { accountId: ACCOUNT_ID, endpoint: ' ' }))
        .toThrow(/'endpoint' must not be empty, got ' '/);
    });
  });

  describe('validation', () => {
    test('fails when resourceGroupName is blank', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, resourceGroupName: '' }))
        .toThrow(/OpenAiAccount 'test\/OpenAi': 'resourceGroupName' must not be empty, got ''/);
    });

    test('fails when resourceGroupName breaks the naming rule', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, resourceGroupName: 'rg.' }))
        .toThrow(/'resourceGroupName' must contain only .*, got 'rg.'/);
    });

    test('fails when location is not a region', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, location: 'swedencentrall' }))
        .toThrow(/'location' must be an Azure region name .*, got 'swedencentrall'/);
    });

    test('fails when name breaks the account naming rule', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, name: 'Chat_Account' }))
        .toThrow(/'name' must contain only lowercase letters, digits and hyphens.*, got 'Chat_Account'/);
    });

    test('fails when customSubdomainName breaks the naming rule', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, customSubdomainName: '-chat' }))
        .toThrow(/'customSubdomainName' must contain only .*, got '-chat'/);
    });

    test('fails when an allowed FQDN is a URL', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, allowedFqdns: ['ok.contoso.com', 'https://api.contoso.com/v1'] }))
        .toThrow(/'allowedFqdns\[1\]' must be a host name .*, got 'https:\/\/api.contoso.com\/v1'/);
    });

    test('fails when a user-assigned identity id is not a managed identity', () => {
      const f = aiFixture();
      const wrong = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv';
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, userAssignedIdentityIds: [wrong] }))
        .toThrow(/'userAssignedIdentityIds\[0\]' must be the id of a Microsoft.ManagedIdentity\/userAssignedIdentities resource \(found Microsoft.KeyVault\/vaults\), got '.*vaults\/kv'/);
    });

    test('fails when two models have the same deployment name', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', {
        ...f.props,
        models: [
          { modelName: 'gpt-4o', modelVersion: '2024-11-20' },
          { modelName: 'gpt-4o-mini', modelVersion: '2024-07-18', name: 'gpt-4o' },
        ],
      })).toThrow(/'models\[1\].name' must be unique within the account \('models\[0\]' already deploys it\), got 'gpt-4o'/);
    });

    test('fails when addDeployment repeats a deployment name', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      expect(() => account.addDeployment('Again', { modelName: 'gpt-5.4', modelVersion: '2026-03-05' }))
        .toThrow(/OpenAiAccount 'test\/OpenAi': 'name' must be unique within the account \('gpt-5.4' is already deployed by 'test\/OpenAi\/gpt-5.4'\), got 'gpt-5.4'/);
    });

    test('fails when a model entry is invalid, naming the entry', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', {
        ...f.props,
        models: [
          { modelName: 'gpt-4o', modelVersion: '2024-11-20' },
          { modelName: 'gpt-4o-mini', modelVersion: '2024-07-18', capacity: 0 },
        ],
      })).toThrow(/OpenAiAccount 'test\/OpenAi': 'models\[1\].capacity' must be an integer between 1 and 100000 .* for SKU 'DataZoneStandard', got 0/);
      const g = aiFixture();
      expect(() => new OpenAiAccount(g.stack, 'OpenAi', { ...g.props, models: [{ modelName: 'gpt-4o', modelVersion: '' }] }))
        .toThrow(/'models\[0\].modelVersion' must be a pinned model version .*, got ''/);
    });

    test('validates before creating anything', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, location: 'nowhere' })).toThrow(/'location'/);
      const partial = f.stack.node.tryFindChild('OpenAi');
      expect(partial?.node.children ?? []).toEqual([]);
    });
  });
});
