import { Testing } from 'cdktf';
import { PrivateNetworkStack } from '../../examples/private-network/main';
import { resourcesOf, synth } from '../util';

describe('examples/private-network', () => {
  const build = () => new PrivateNetworkStack(Testing.app(), 'private-network');

  test('synthesizes the resource group, network, zones and workspace', () => {
    const json = JSON.parse(synth(build()));
    expect(Object.keys(resourcesOf(json, 'azurerm_resource_group'))).toHaveLength(1);
    expect(Object.keys(resourcesOf(json, 'azurerm_virtual_network'))).toHaveLength(1);
    expect(Object.values(resourcesOf(json, 'azurerm_subnet')).map((s: any) => s.name).sort())
      .toEqual(['app-integration', 'private-endpoints']);
    expect(Object.values(resourcesOf(json, 'azurerm_private_dns_zone')).map((z: any) => z.name).sort()).toEqual([
      'privatelink.azurewebsites.net',
      'privatelink.cognitiveservices.azure.com',
      'privatelink.openai.azure.com',
      'privatelink.services.ai.azure.com',
      'privatelink.vaultcore.azure.net',
    ]);
    expect(Object.keys(resourcesOf(json, 'azurerm_private_dns_zone_virtual_network_link'))).toHaveLength(5);
    expect(Object.keys(resourcesOf(json, 'azurerm_log_analytics_workspace'))).toHaveLength(1);
  });

  test('synthesizes byte-identical JSON every time', () => {
    expect(synth(build())).toEqual(synth(build()));
  });

  test('matches the snapshot', () => {
    expect(synth(build())).toMatchSnapshot();
  });
});
