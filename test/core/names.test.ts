import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzureNameRule, Names } from '../../src/core';
import { newStack, resolved, synthJson } from '../util';

describe('Names', () => {
  test('hashOf is stable and depends only on the construct path', () => {
    const a = new Construct(new TerraformStack(Testing.app(), 'chat'), 'OpenAi');
    const b = new Construct(new TerraformStack(Testing.app(), 'chat'), 'OpenAi');
    const c = new Construct(new TerraformStack(Testing.app(), 'chat'), 'Vault');
    expect(Names.hashOf(a)).toBe(Names.hashOf(b));
    expect(Names.hashOf(a)).not.toBe(Names.hashOf(c));
    // sha256('chat/OpenAi'): pinned so that a change of algorithm (which renames resources) fails a test.
    expect(Names.hashOf(a, 12)).toBe('2f90cf3dbbdd');
  });

  test('local names are lowercase, readable, unique per path and within the rule', () => {
    const stack = newStack();
    const one = new Construct(new Construct(stack, 'A'), 'Net');
    const two = new Construct(new Construct(stack, 'B'), 'Net');
    const n1 = Names.local(one, AzureNameRule.VIRTUAL_NETWORK, 'vnet');
    const n2 = Names.local(two, AzureNameRule.VIRTUAL_NETWORK, 'vnet');
    expect(n1).toMatch(/^vnet-net-[0-9a-f]{6}$/);
    expect(n1).not.toBe(n2);
    expect(AzureNameRule.VIRTUAL_NETWORK.check(n1)).toBeUndefined();
  });

  test('local names are cut to the rule maximum', () => {
    const stack = newStack();
    const long = new Construct(stack, 'A'.repeat(100));
    const name = Names.local(long, AzureNameRule.SERVICE_PLAN, 'asp');
    expect(name.length).toBeLessThanOrEqual(60);
    expect(AzureNameRule.SERVICE_PLAN.check(name)).toBeUndefined();
  });

  test('globally unique names hash the subscription and the path at plan time, with no random provider', () => {
    const stack = newStack();
    const scope = new Construct(stack, 'Vault');
    const name = Names.globallyUnique(scope, AzureNameRule.KEY_VAULT, 'kv');
    expect(resolved(stack, name)).toBe(
      'kv-${substr(sha256(join("", [data.azurerm_client_config.AzurermClientConfig.subscription_id, "/test/Vault"])), 0, 8)}',
    );
    const json = synthJson(stack);
    expect(json.data?.azurerm_client_config).toBeDefined();
    expect(JSON.stringify(json)).not.toMatch(/random_/);
  });

  test('the client config data source is added once per stack', () => {
    const stack = newStack();
    Names.globallyUnique(new Construct(stack, 'A'), AzureNameRule.KEY_VAULT, 'kv');
    Names.globallyUnique(new Construct(stack, 'B'), AzureNameRule.WEB_APP, 'app');
    expect(Object.keys(synthJson(stack).data!.azurerm_client_config)).toEqual(['AzurermClientConfig']);
  });
});

describe('AzureNameRule', () => {
  test.each([
    [AzureNameRule.KEY_VAULT, 'kv-chat-01', undefined],
    [AzureNameRule.KEY_VAULT, 'kv--chat', /must contain only/],
    [AzureNameRule.KEY_VAULT, '1kv', /must contain only/],
    [AzureNameRule.KEY_VAULT, 'kv', /must be 3-24 characters long/],
    [AzureNameRule.KEY_VAULT, 'k'.repeat(25), /must be 3-24 characters long/],
    [AzureNameRule.COGNITIVE_ACCOUNT, 'oai-chat', undefined],
    [AzureNameRule.COGNITIVE_ACCOUNT, 'OAI-chat', /must contain only lowercase/],
    [AzureNameRule.WEB_APP, 'app-chat-', /must contain only/],
    [AzureNameRule.RESOURCE_GROUP, 'rg.', /must contain only/],
    [AzureNameRule.RESOURCE_GROUP, 'rg-(chat)_1', undefined],
    [AzureNameRule.LOG_ANALYTICS_WORKSPACE, 'log-chat', undefined],
  ])('%# checks %s', (rule, name, problem) => {
    if (problem) expect(rule.check(name)).toMatch(problem);
    else expect(rule.check(name)).toBeUndefined();
  });

  test('validate names the prop and the value', () => {
    const stack = newStack();
    const scope = new Construct(stack, 'Thing');
    expect(() => AzureNameRule.KEY_VAULT.validate(scope, 'name', 'kv--x'))
      .toThrow("Construct 'test/Thing': 'name' must contain only letters, digits and hyphens, starting with a letter, ending with a letter or digit, without consecutive hyphens, got 'kv--x'");
  });
});

describe('Names.local with role-named ids', () => {
  test('uses the parent id for role-named ids', () => {
    const stack = newStack();
    const pe = new Construct(new Construct(stack, 'OpenAi'), 'PrivateEndpoint');
    expect(Names.local(pe, AzureNameRule.PRIVATE_ENDPOINT, 'pe')).toMatch(/^pe-openai-[0-9a-f]{6}$/);
  });
});
