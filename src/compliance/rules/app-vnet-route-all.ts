import { attr, expectBool, resourceRule, show } from '../private/rule-kit';

/** All of the app's outbound traffic goes through the VNet, where NSGs and private DNS apply. */
export const APP_VNET_ROUTE_ALL = resourceRule({
  id: 'PCHAT-APP-009',
  title: 'Web app: VNet integration with route-all',
  mapsTo: ['AzPol 72d04c29', 'AzPol a691eacb'],
  rationale: 'Without VNet integration the app cannot reach the private endpoints; without route-all part of its traffic still leaves over the public Internet.',
  fix: 'Set virtual_network_subnet_id to a subnet delegated to Microsoft.Web/serverFarms (or add an azurerm_app_service_virtual_network_swift_connection) and site_config.vnet_route_all_enabled = true.',
  resourceTypes: ['azurerm_linux_web_app'],
}, (r, model) => {
  const subnet = attr(r.config, 'virtual_network_subnet_id');
  const swift = model.referencing(['azurerm_app_service_virtual_network_swift_connection'], r, (s) => [s.config.app_service_id]);
  const integrated = (typeof subnet === 'string' && subnet.trim() !== '') || swift.length > 0;
  return [
    integrated ? undefined : `'virtual_network_subnet_id' must be set (or an azurerm_app_service_virtual_network_swift_connection must reference the app), got ${show(subnet)}`,
    expectBool(r.config, 'site_config.vnet_route_all_enabled', true),
  ];
});
