// The hand-written yardstick, for the benchmark only: exactly the stack of bench/naive (the same
// code, bench/naive/stack.ts), but importing each provider class from its own module, as the
// library does, and holding generated values in a plain `terraform_data` binding, as the library
// does (cdktf's DataResource runs `terraform version` in a child process for every instance; see
// src/core/private/held-value.ts). It is the cheapest way cdktf offers to synthesize these
// resources: what the five lines would cost if the library added nothing but the resources, so
// the library's own overhead is private-chat minus this.
import * as application from '@cdktf/provider-azuread/lib/application';
import * as applicationPassword from '@cdktf/provider-azuread/lib/application-password';
import * as azuread from '@cdktf/provider-azuread/lib/provider';
import * as servicePrincipal from '@cdktf/provider-azuread/lib/service-principal';
import * as cognitiveAccount from '@cdktf/provider-azurerm/lib/cognitive-account';
import * as cognitiveAccountRaiPolicy from '@cdktf/provider-azurerm/lib/cognitive-account-rai-policy';
import * as cognitiveDeployment from '@cdktf/provider-azurerm/lib/cognitive-deployment';
import * as dataAzurermClientConfig from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import * as keyVault from '@cdktf/provider-azurerm/lib/key-vault';
import * as linuxWebApp from '@cdktf/provider-azurerm/lib/linux-web-app';
import * as logAnalyticsWorkspace from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import * as monitorDiagnosticSetting from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import * as natGateway from '@cdktf/provider-azurerm/lib/nat-gateway';
import * as natGatewayPublicIpAssociation from '@cdktf/provider-azurerm/lib/nat-gateway-public-ip-association';
import * as networkSecurityGroup from '@cdktf/provider-azurerm/lib/network-security-group';
import * as postgresqlFlexibleServer from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import * as postgresqlFlexibleServerConfiguration from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import * as postgresqlFlexibleServerDatabase from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-database';
import * as privateDnsZone from '@cdktf/provider-azurerm/lib/private-dns-zone';
import * as privateDnsZoneVirtualNetworkLink from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import * as privateEndpoint from '@cdktf/provider-azurerm/lib/private-endpoint';
import * as azurerm from '@cdktf/provider-azurerm/lib/provider';
import * as publicIp from '@cdktf/provider-azurerm/lib/public-ip';
import * as resourceGroup from '@cdktf/provider-azurerm/lib/resource-group';
import * as roleAssignment from '@cdktf/provider-azurerm/lib/role-assignment';
import * as servicePlan from '@cdktf/provider-azurerm/lib/service-plan';
import * as subnet from '@cdktf/provider-azurerm/lib/subnet';
import * as subnetNatGatewayAssociation from '@cdktf/provider-azurerm/lib/subnet-nat-gateway-association';
import * as subnetNetworkSecurityGroupAssociation from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import * as userAssignedIdentity from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import * as virtualNetwork from '@cdktf/provider-azurerm/lib/virtual-network';
import * as offset from '@cdktf/provider-time/lib/offset';
import * as time from '@cdktf/provider-time/lib/provider';
import * as sleep from '@cdktf/provider-time/lib/sleep';
import { App, anyToTerraform, TerraformResource, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import { NaiveChatStack } from '../naive/stack';

/** `terraform_data` with `input` only, without DataResource's per-instance binary check. */
class TerraformData extends TerraformResource {
  constructor(scope: Construct, id: string, private readonly config: { input: any; lifecycle: TerraformResourceLifecycle }) {
    super(scope, id, { terraformResourceType: 'terraform_data', terraformGeneratorMetadata: { providerName: 'terraform' }, lifecycle: config.lifecycle });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { input: anyToTerraform(this.config.input) };
  }
}

const app = new App();
new NaiveChatStack(app, 'handwritten', {
  application,
  applicationPassword,
  servicePrincipal,
  azuread,
  cognitiveAccount,
  cognitiveAccountRaiPolicy,
  cognitiveDeployment,
  dataAzurermClientConfig,
  keyVault,
  linuxWebApp,
  logAnalyticsWorkspace,
  monitorDiagnosticSetting,
  natGateway,
  natGatewayPublicIpAssociation,
  postgresqlFlexibleServer,
  postgresqlFlexibleServerConfiguration,
  postgresqlFlexibleServerDatabase,
  networkSecurityGroup,
  privateDnsZone,
  privateDnsZoneVirtualNetworkLink,
  privateEndpoint,
  azurerm,
  publicIp,
  resourceGroup,
  roleAssignment,
  servicePlan,
  subnet,
  subnetNatGatewayAssociation,
  subnetNetworkSecurityGroupAssociation,
  userAssignedIdentity,
  virtualNetwork,
  offset,
  time,
  sleep,
}, (scope, id, config) => new TerraformData(scope, id, config));
app.synth();
