import { Testing } from 'cdktf';
import { MultiModelStack } from '../../examples/multi-model/main';
import { Warnings } from '../../src/core/warnings';
import { onlyResource, resourcesOf, synth } from '../util';

describe('examples/multi-model', () => {
  const build = () => new MultiModelStack(Testing.app(), 'multi-model');
  const json = JSON.parse(synth(build()));

  test('creates the four deployments one after another, the first after the content filter', () => {
    const deployments = resourcesOf(json, 'azurerm_cognitive_deployment');
    const policy = Object.keys(resourcesOf(json, 'azurerm_cognitive_account_rai_policy'))[0];
    const byName: Record<string, { tf: string; d: any }> = Object.fromEntries(
      Object.entries(deployments).map(([tf, d]: [string, any]) => [d.name, { tf, d }]),
    );
    expect(Object.keys(byName).sort()).toEqual(['chat', 'chat-mini', 'embeddings', 'reasoning']);
    const order = ['chat', 'chat-mini', 'reasoning', 'embeddings'];
    expect(byName.chat.d.depends_on).toEqual([`azurerm_cognitive_account_rai_policy.${policy}`]);
    for (let i = 1; i < order.length; i++) {
      expect(byName[order[i]].d.depends_on).toEqual(expect.arrayContaining([`azurerm_cognitive_deployment.${byName[order[i - 1]].tf}`]));
    }
    for (const { d } of Object.values(byName)) {
      expect(d.version_upgrade_option).toBe('NoAutoUpgrade');
      expect(d.rai_policy_name).toBe(onlyResource(json, 'azurerm_cognitive_account_rai_policy').name);
    }
    // Global only where the model is offered no other way in swedencentral, by the named opt-in.
    expect(byName.chat.d.sku).toEqual({ name: 'GlobalStandard', capacity: 20 });
    expect(byName.chat.d.model).toEqual({ format: 'Meta', name: 'Llama-4-Maverick-17B-128E-Instruct-FP8', version: '1' });
    expect(byName['chat-mini'].d.sku).toEqual({ name: 'GlobalStandard', capacity: 10 });
    expect(byName.reasoning.d.sku).toEqual({ name: 'DataZoneStandard', capacity: 5 });
    expect(byName.embeddings.d.sku).toEqual({ name: 'DataZoneStandard', capacity: 10 });
  });

  test('uses the stricter content filter on every category, prompts and completions', () => {
    const policy = onlyResource(json, 'azurerm_cognitive_account_rai_policy');
    expect(policy.name).toBe('strict');
    for (const name of ['Hate', 'Sexual', 'Violence', 'Selfharm']) {
      const filters = policy.content_filter.filter((f: any) => f.name === name);
      expect(filters.map((f: any) => [f.source, f.severity_threshold, f.block_enabled, f.filter_enabled]).sort())
        .toEqual([['Completion', 'Low', true, true], ['Prompt', 'Low', true, true]]);
    }
  });

  test('points the app at the chosen deployment and offers every chat deployment, not the embeddings one', () => {
    const settings = onlyResource(json, 'azurerm_linux_web_app').app_settings;
    expect(settings.DEFAULT_MODELS).toBe('chat');
    expect(JSON.parse(settings.OPENAI_API_CONFIGS)['0'].model_ids).toEqual(['chat', 'chat-mini', 'reasoning']);
  });

  test('shows the models only: like the five lines, it assigns nobody and names no database administrator, and warns of both', () => {
    expect(onlyResource(json, 'azuread_service_principal').app_role_assignment_required).toBe(true);
    expect(resourcesOf(json, 'azuread_app_role_assignment')).toEqual({});
    const stack = build();
    Testing.synth(stack);
    expect(Warnings.of(stack).map((w) => [w.id, w.constructPath, w.acknowledgedReason])).toEqual([
      ['history-no-entra-administrator', 'multi-model/chat/History', undefined],
      ['no-sign-in-assignments', 'multi-model/chat/App', undefined],
    ]);
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
