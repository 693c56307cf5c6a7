import { CognitiveAccount } from '@cdktf/provider-azurerm/lib/cognitive-account';
import { CognitiveAccountProject } from '@cdktf/provider-azurerm/lib/cognitive-account-project';
import { CognitiveDeployment } from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import { AiAccount, DeploymentSku, FoundryProject, OpenAiAccount } from '../../src/ai';
import { Principal } from '../../src/core';
import { EndpointCaller, PrivateDnsZones, ZoneGroupMode } from '../../src/network';
import { resourcesOf, synth, synthJson, warningsOf } from '../util';
import { address, aiFixture, blockOf, ref, resolve } from './fixture';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-hub/providers/Microsoft.CognitiveServices/accounts/ais-hub`;
const GROUP_ID = '11111111-2222-3333-4444-555555555555';
const AZURE_AI_USER = '53ca6127-db72-4b80-b1b0-d745d6d5456d';
const PROJECT_MANAGER = 'eadc314b-1a2d-4efa-be10-5d325db5065e';

/** The role definition id an assignment by id carries, scoped to the subscription of `scopeRef`. */
function roleIdIn(subscription: string, guid: string): string {
  return `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

describe('AiAccount', () => {
  describe('the account', () => {
    test('is a Foundry account: kind AIServices with project management, private, keyless, deny-by-default, outbound-restricted', () => {
      const f = aiFixture();
      new AiAccount(f.stack, 'Ai', f.props);
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveAccount, {
        kind: 'AIServices',
        sku_name: 'S0',
        project_management_enabled: true,
        public_network_access_enabled: false,
        local_auth_enabled: false,
        network_acls: { default_action: 'Deny', bypass: 'AzureServices' },
        outbound_network_access_restricted: true,
        fqdns: [],
        identity: { type: 'SystemAssigned' },
        lifecycle: { prevent_destroy: true },
      });
    });

    test('an OpenAI-kind account does not get project management (its JSON is unchanged)', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      expect(blockOf(synthJson(f.stack), account.resource)).not.toHaveProperty('project_management_enabled');
    });

    test('derives the same subdomain as an OpenAI-kind account at the same path, so the kind can change in place', () => {
      const f = aiFixture();
      const foundry = new AiAccount(f.stack, 'OpenAi', f.props);
      const g = aiFixture();
      const openAi = new OpenAiAccount(g.stack, 'OpenAi', g.props);
      const a = blockOf(synthJson(f.stack), foundry.resource);
      const b = blockOf(synthJson(g.stack), openAi.resource);
      expect(a.custom_subdomain_name).toEqual(b.custom_subdomain_name);
      expect(a.name).toEqual(b.name);
      expect(address(foundry.resource)).toEqual(address(openAi.resource));
    });

    test('exposes the OpenAI, v1 and Foundry endpoints of its custom subdomain', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', { ...f.props, customSubdomainName: 'contoso-ai' });
      expect(account.endpoint).toBe('https://contoso-ai.openai.azure.com/');
      expect(account.openAiV1Endpoint).toBe('https://contoso-ai.openai.azure.com/openai/v1/');
      expect(account.servicesEndpoint).toBe('https://contoso-ai.services.ai.azure.com/');
    });

    test('registers its private endpoint in the three zones a Foundry account answers on', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      const pe = blockOf(synthJson(f.stack), account.privateEndpoint.resource);
      expect(pe.private_service_connection).toMatchObject({ subresource_names: ['account'], private_connection_resource_id: ref(account.resource, 'id') });
      const zones = ['privatelink.services.ai.azure.com', 'privatelink.openai.azure.com', 'privatelink.cognitiveservices.azure.com']
        .map((z) => ref(f.dnsZones.zones[z], 'id'));
      expect(pe.private_dns_zone_group).toEqual({ name: 'default', private_dns_zone_ids: zones });
    });

    test('creates no zone group when the hub lets Azure Policy manage zone groups', () => {
      const f = aiFixture();
      const hub = PrivateDnsZones.fromHubZoneIds(f.stack, 'Hub', {}, { zoneGroups: ZoneGroupMode.MANAGED_BY_POLICY });
      const account = new AiAccount(f.stack, 'Ai', { ...f.props, dnsZones: hub });
      const pe = blockOf(synthJson(f.stack), account.privateEndpoint.resource);
      expect(pe).not.toHaveProperty('private_dns_zone_group');
      expect(pe.lifecycle.ignore_changes).toContain('private_dns_zone_group');
    });

    test('fails at synth when hub zones lack the AI services zone', () => {
      const f = aiFixture();
      const zoneId = (zone: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${zone}`;
      const hub = PrivateDnsZones.fromHubZoneIds(f.stack, 'Hub', {
        openAi: zoneId('privatelink.openai.azure.com'),
        cognitiveServices: zoneId('privatelink.cognitiveservices.azure.com'),
      });
      expect(() => new AiAccount(f.stack, 'Ai', { ...f.props, dnsZones: hub }))
        .toThrow(/'aiServices' is needed for a private endpoint in zone 'privatelink.services.ai.azure.com'/);
    });
  });

  describe('deployments', () => {
    test('deploys a current GA chat model by default, processed in the data zone: gpt-5.4 on DataZoneStandard', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      account.privateEndpoint.allowFrom(EndpointCaller.virtualNetwork());
      expect(account.deployments.map((d) => d.deploymentName)).toEqual(['gpt-5.4']);
      expect(synth(f.stack)).toHaveResourceWithProperties(CognitiveDeployment, {
        name: 'gpt-5.4',
        model: { format: 'OpenAI', name: 'gpt-5.4', version: '2026-03-05' },
        sku: { name: 'DataZoneStandard', capacity: 10 },
        rai_policy_name: resolve(account, account.contentFilter.policyName),
        version_upgrade_option: 'NoAutoUpgrade',
      });
      expect(warningsOf(f.stack)).toEqual([]);
    });

    test('deploys OpenAI and open models side by side, each with the content filter and its own format', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', {
        ...f.props,
        models: [
          { modelName: 'gpt-5.4', modelVersion: '2026-03-05' },
          { modelName: 'DeepSeek-V3.2', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true },
          { modelName: 'gpt-oss-120b', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true },
          { modelName: 'Llama-3.3-70B-Instruct', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true },
        ],
      });
      const deployments = resourcesOf(synthJson(f.stack), 'azurerm_cognitive_deployment');
      const formats = Object.fromEntries(Object.values(deployments).map((d: any) => [d.name, d.model.format]));
      expect(formats).toEqual({ 'gpt-5.4': 'OpenAI', 'DeepSeek-V3.2': 'DeepSeek', 'gpt-oss-120b': 'OpenAI-OSS', 'Llama-3.3-70B-Instruct': 'Meta' });
      const policy = resolve(account, account.contentFilter.policyName);
      expect(Object.values(deployments).every((d: any) => d.rai_policy_name === policy)).toBe(true);
      // Serialized: each deployment waits for the one before.
      const [first, second, third, fourth] = account.deployments;
      expect(blockOf(synthJson(f.stack), second.resource).depends_on).toEqual([address(first.resource)]);
      expect(blockOf(synthJson(f.stack), third.resource).depends_on).toEqual([address(second.resource)]);
      expect(blockOf(synthJson(f.stack), fourth.resource).depends_on).toEqual([address(third.resource)]);
    });

    test('an OpenAI-kind account refuses an open model, naming the format and the fix', () => {
      const f = aiFixture();
      expect(() => new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, models: [{ modelName: 'DeepSeek-V3.2', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }] }))
        .toThrow(/ModelDeployment 'test\/OpenAi\/DeepSeek-V3.2': model 'DeepSeek-V3.2' has format 'DeepSeek', which an account of kind 'OpenAI' cannot serve: .*Deploy it on an AiAccount/);
    });

    test('an OpenAI-kind account warns on gpt-oss, whose support there is not documented', () => {
      const f = aiFixture();
      new OpenAiAccount(f.stack, 'OpenAi', { ...f.props, models: [{ modelName: 'gpt-oss-120b', modelVersion: '1', sku: DeploymentSku.GLOBAL_STANDARD, allowGlobalProcessing: true }] });
      expect(warningsOf(f.stack).filter((w) => w.includes('[format-on-openai-kind]'))).toHaveLength(1);
    });
  });

  describe('access', () => {
    test('grantUse assigns Azure AI User by role id, scoped to the account, in the account\'s subscription', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      const group = Principal.fromGroupObjectId(f.stack, 'Users', GROUP_ID);
      const assignment = account.grantUse(group);
      const block = blockOf(synthJson(f.stack), assignment);
      expect(block).toMatchObject({ scope: ref(account.resource, 'id'), principal_id: GROUP_ID, principal_type: 'Group' });
      expect(block).not.toHaveProperty('role_definition_name');
      expect(block.role_definition_id).toBe(
        `/subscriptions/\${element(split("/", ${address(account.resource)}.id), 2)}/providers/Microsoft.Authorization/roleDefinitions/${AZURE_AI_USER}`);
      expect(block.description).toContain('Azure AI User');
    });

    test('an existing Foundry account grants Azure AI User in the subscription of its id', () => {
      const f = aiFixture();
      const account = AiAccount.fromAttributes(f.stack, 'Shared', { accountId: ACCOUNT_ID });
      expect(account.endpoint).toBe('https://ais-hub.openai.azure.com/');
      const assignment = account.grantUse(Principal.fromGroupObjectId(f.stack, 'Users', GROUP_ID));
      expect(blockOf(synthJson(f.stack), assignment)).toMatchObject({ scope: ACCOUNT_ID, role_definition_id: roleIdIn(SUBSCRIPTION, AZURE_AI_USER) });
    });

    test('an OpenAI-kind account still grants Cognitive Services OpenAI User by name', () => {
      const f = aiFixture();
      const account = new OpenAiAccount(f.stack, 'OpenAi', f.props);
      const assignment = account.grantUse(Principal.fromGroupObjectId(f.stack, 'Users', GROUP_ID));
      const block = blockOf(synthJson(f.stack), assignment);
      expect(block.role_definition_name).toBe('Cognitive Services OpenAI User');
      expect(block).not.toHaveProperty('role_definition_id');
    });
  });

  describe('projects', () => {
    test('addProject creates a Foundry project with its own identity, after the last deployment', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      const project = account.addProject('Research', { displayName: 'Research', description: 'Agents of the research team' });
      expect(project).toBeInstanceOf(FoundryProject);
      expect(account.projects).toEqual([project]);
      const block = blockOf(synthJson(f.stack), project.resource);
      expect(block).toMatchObject({
        cognitive_account_id: ref(account.resource, 'id'),
        location: 'swedencentral',
        display_name: 'Research',
        description: 'Agents of the research team',
        identity: { type: 'SystemAssigned' },
        depends_on: [address(account.deployments[0].resource)],
      });
      expect(block.name).toMatch(/^proj-research-[0-9a-f]{6,}$/);
      expect(resolve(project, project.principalId)).toBe(ref(project.resource, 'identity[0].principal_id'));
    });

    test('a deployment added after a project waits for it', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      const project = account.addProject('Research', { name: 'research' });
      const later = account.addDeployment('embeddings', { modelName: 'text-embedding-3-small', modelVersion: '1' });
      expect(blockOf(synthJson(f.stack), later.resource).depends_on).toEqual([address(project.resource)]);
    });

    test('grantUse and grantManage assign Azure AI User and Azure AI Project Manager on the project, by role id', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      const project = account.addProject('Research', { name: 'research' });
      const devs = Principal.fromGroupObjectId(f.stack, 'Devs', GROUP_ID);
      const useAssignment = project.grantUse(devs);
      const manageAssignment = project.grantManage(devs);
      const json = synthJson(f.stack);
      const use = blockOf(json, useAssignment);
      const manage = blockOf(json, manageAssignment);
      expect(use.scope).toBe(ref(project.resource, 'id'));
      expect(use.role_definition_id).toMatch(new RegExp(`/roleDefinitions/${AZURE_AI_USER}$`));
      expect(manage.scope).toBe(ref(project.resource, 'id'));
      expect(manage.role_definition_id).toMatch(new RegExp(`/roleDefinitions/${PROJECT_MANAGER}$`));
    });

    test('refuses two projects with one construct id, or one name in two letter cases', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      account.addProject('Research', { name: 'research' });
      expect(() => account.addProject('Research'))
        .toThrow(/AiAccount 'test\/Ai': 'addProject' id 'Research' is already used by 'test\/Ai\/Research'/);
      expect(() => account.addProject('Other', { name: 'RESEARCH' }))
        .toThrow(/AiAccount 'test\/Ai': 'addProject\(Other\).name' must be unique within the account .*, got 'RESEARCH'/);
    });

    test('rejects a project name Azure refuses, and an unknown option', () => {
      const f = aiFixture();
      const account = new AiAccount(f.stack, 'Ai', f.props);
      expect(() => account.addProject('Bad', { name: '-research' }))
        .toThrow(/FoundryProject 'test\/Ai\/Bad': 'name' must contain only letters, digits, underscores, periods and hyphens, starting with a letter or digit, got '-research'/);
      expect(() => account.addProject('Typo', { displayname: 'x' } as any))
        .toThrow(/AiAccount 'test\/Ai': 'addProject\(Typo\).displayname' is not a known prop \(did you mean 'displayName'\? known: description, displayName, name, tags\), got 'x'/);
      expect(() => account.addProject('Blank', { description: ' ' }))
        .toThrow(/FoundryProject 'test\/Ai\/Blank': 'description' must not be empty, got ' '/);
    });

    test('synthesizes the same project JSON twice', () => {
      const make = () => {
        const f = aiFixture();
        new AiAccount(f.stack, 'Ai', f.props).addProject('Research');
        return synth(f.stack);
      };
      expect(make()).toEqual(make());
      expect(make()).toHaveResource(CognitiveAccountProject);
    });
  });
});
