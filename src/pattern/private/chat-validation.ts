// The checks of PrivateChat's props that no inner construct makes, or that must name the prop as
// the user wrote it; the inner constructs check the rest.
import { Construct } from 'constructs';
import { AccountKind, IAiAccount } from '../../ai/ai-account-props';
import { CONTENT_FILTER_OPTIONS_SHAPE, DEPLOYMENT_OPTIONS_SHAPE } from '../../ai/private/shapes';
import { PRIVATE_APP_SERVICE_SKUS } from '../../app/chat-web-app-props';
import { ContainerImage } from '../../app/container-image';
import { ChatFrontEnd, HistoryStoreKind } from '../../app/front-end';
import { AUTOSCALE_SHAPE } from '../../app/private/autoscale-setting';
import { checkSignInPrincipals } from '../../app/private/chat-sign-in';
import { checkWebAppNameNotReserved } from '../../app/private/checks';
import { SignIn } from '../../app/sign-in';
import { AzureNameRule } from '../../core/names';
import { AI_ACCOUNT_REF, DNS_ZONES_REF, IDENTITY_REF, MONITOR_SCOPE_REF, MONITORING_REF, NETWORK_REF, PRINCIPAL_REF, VAULT_REF } from '../../core/private/references';
import { checkLocation, checkSameRegionAsNetwork } from '../../core/private/regions';
import { renamedProp } from '../../core/private/renamed';
import { checkNotBlank, checkOneOf, checkResourceId, checkShape, checkTags, checkTrimmed, is, isUnresolved, propError, ruleError, Shape, show } from '../../core/private/validate';
import { BREAKER_SHAPE } from '../../gateway/private/circuit-breaker';
import { Egress } from '../../network/egress';
import { PrivateChatNames } from '../chat-options';
import { Encryption } from '../encryption';
import { PrivateChatProps } from '../private-chat-props';

/** Checks the props and returns the front end they pick. */
export function validatePrivateChat(owner: Construct, props: PrivateChatProps): ChatFrontEnd {
  checkShape(owner, props, propsShape());
  checkSignInPrincipals(owner, props.signIn ?? SignIn.createAppRegistration(), props.signInPrincipals, props.adminGroups);
  const cmk = props.encryption?.options ?? {};
  if (cmk.key !== undefined && (cmk.rotateAfterDays !== undefined || cmk.expireAfterDays !== undefined)) {
    throw ruleError(owner, "'encryption.key' and 'encryption.rotateAfterDays'/'expireAfterDays' are mutually exclusive: an existing key keeps its own rotation policy, got both");
  }
  if (props.image !== undefined && props.frontEnd !== undefined) {
    throw ruleError(owner, "'image' and 'frontEnd' are mutually exclusive: 'image' is short for 'frontEnd: ChatFrontEnd.fromImage(image)', got both");
  }
  if (props.workspace !== undefined && props.monitoring !== undefined) {
    throw ruleError(owner, "'workspace' sets the workspace this construct creates, but 'monitoring' is an existing one, whose retention and quota are managed where it was created: give one, got both");
  }
  const frontEnd = props.frontEnd ?? (props.image !== undefined ? ChatFrontEnd.fromImage(props.image) : ChatFrontEnd.openWebUi());
  checkOneOf(owner, 'accountKind', props.accountKind, [AccountKind.AI_SERVICES, AccountKind.OPENAI]);
  checkTags(owner, 'tags', props.tags);
  checkLocation(owner, 'location', props.location);
  if (props.resourceGroupName !== undefined) {
    checkNotBlank(owner, 'resourceGroupName', props.resourceGroupName);
    AzureNameRule.RESOURCE_GROUP.validate(owner, 'resourceGroupName', props.resourceGroupName);
  }
  if (props.network) {
    for (const prop of ['addressSpace', 'privateEndpointSubnetCidr', 'appIntegrationSubnetCidr', 'egress'] as const) {
      if (props[prop] !== undefined) {
        throw ruleError(owner, `'network' and '${prop}' are mutually exclusive: an existing network brings its own addresses and egress, got both (${prop} ${show(props[prop])})`);
      }
    }
    // natGateway: false with an existing network says what is true anyway (nothing is created).
    if (props.natGateway === true) {
      throw ruleError(owner, "'network' and 'natGateway' are mutually exclusive when 'natGateway' is true: no NAT gateway is added to an existing network, got both");
    }
    checkSameRegionAsNetwork(owner, 'location', props.location, props.network.location);
  }
  if (props.names?.resourceGroup !== undefined && props.resourceGroupName !== undefined) {
    throw ruleError(owner, "'names.resourceGroup' names a resource group to create and 'resourceGroupName' an existing one: set one, got both");
  }
  validateNames(owner, props.names ?? {});
  // The existing account, under its current name or its deprecated one; messages name the one given.
  const existing = renamedProp<IAiAccount>(owner, props, 'openAi', 'aiAccount');
  const accountProp = props.openAi !== undefined ? 'openAi' : 'aiAccount';
  if (existing) {
    for (const prop of ['models', 'contentFilter', 'allowedFqdns', 'accountKind'] as const) {
      if (props[prop] !== undefined) {
        throw ruleError(owner, `'${accountProp}' and '${prop}' are mutually exclusive: deployments and the content filter of an existing account are managed where the account is, got both`);
      }
    }
    if (props.names?.aiAccount !== undefined || props.names?.aiSubdomain !== undefined) {
      throw ruleError(owner, `'${accountProp}' and 'names.aiAccount'/'names.aiSubdomain' are mutually exclusive: an existing account keeps its names, got both`);
    }
    if (props.chatDeploymentName === undefined) {
      throw propError(owner, 'chatDeploymentName', `is required with an existing '${accountProp}' account: name the deployment the app chats with`, props.chatDeploymentName);
    }
    checkNotBlank(owner, 'chatDeploymentName', props.chatDeploymentName);
  }
  const historyProps = props.history ?? {};
  if (props.history !== undefined && frontEnd.historyStore === HistoryStoreKind.NONE && historyProps.enabled !== false) {
    throw propError(owner, 'history', 'must be left out (or { enabled: false }) for a front end that keeps no history in a store: only Open WebUI reads one', historyProps);
  }
  if (historyProps.enabled === false && Object.keys(historyProps).length > 1) {
    throw ruleError(owner, "'history.enabled' is false, so no store is created and its other options do nothing; remove them, got " + Object.keys(historyProps).filter((k) => k !== 'enabled').map((k) => `'history.${k}'`).join(', '));
  }
  if (props.gateway && props.network && props.gateway.integrationSubnetId === undefined) {
    throw propError(owner, 'gateway.integrationSubnetId', "is required with an existing 'network': name a dedicated /27 subnet delegated to Microsoft.Web/serverFarms, with an NSG", undefined);
  }
  if (props.gateway && !props.network && props.gateway.integrationSubnetId !== undefined) {
    throw ruleError(owner, "'gateway.integrationSubnetId' names a subnet of an existing network, but 'network' is not given; use 'gateway.integrationSubnetCidr' for the new VNet, got 'integrationSubnetId'");
  }
  if (props.names?.registry !== undefined && props.imageMirror !== true) {
    throw ruleError(owner, "'names.registry' names the registry mirror, which only 'imageMirror: true' creates, got 'names.registry' without it");
  }
  if (props.vault && props.names?.keyVault !== undefined) {
    throw ruleError(owner, "'vault' and 'names.keyVault' are mutually exclusive: an existing vault keeps its name, got both");
  }
  if (props.servicePlanId !== undefined) {
    checkResourceId(owner, 'servicePlanId', props.servicePlanId, 'Microsoft.Web/serverFarms');
    if (props.appServicePlanSku !== undefined) throw ruleError(owner, "'servicePlanId' and 'appServicePlanSku' are mutually exclusive: an existing plan keeps its SKU, got both");
    if (props.names?.servicePlan !== undefined) throw ruleError(owner, "'servicePlanId' and 'names.servicePlan' are mutually exclusive: an existing plan keeps its name, got both");
  }
  if (props.chatDeploymentName !== undefined && !isUnresolved(props.chatDeploymentName) && props.models) {
    const names = props.models.map((m) => m.name ?? m.modelName);
    if (!names.includes(props.chatDeploymentName)) {
      throw propError(owner, 'chatDeploymentName', `must name one of the deployments in 'models' (${names.map((n) => `'${n}'`).join(', ')})`, props.chatDeploymentName);
    }
  }
  const sku = props.appServicePlanSku;
  if (sku !== undefined && !isUnresolved(sku) && !PRIVATE_APP_SERVICE_SKUS.includes(sku)) {
    throw propError(owner, 'appServicePlanSku', `must be a SKU that supports private endpoints and VNet integration: one of ${PRIVATE_APP_SERVICE_SKUS.join(', ')}`, sku);
  }
  if (props.models && props.models.length === 0) {
    throw propError(owner, 'models', 'must list at least one deployment for the chat app', []);
  }
  return frontEnd;
}

/** Each explicit name against Azure's rule for its type, named by its prop. */
function validateNames(owner: Construct, names: PrivateChatNames): void {
  const rules: [keyof PrivateChatNames, AzureNameRule][] = [
    ['resourceGroup', AzureNameRule.RESOURCE_GROUP], ['virtualNetwork', AzureNameRule.VIRTUAL_NETWORK],
    ['workspace', AzureNameRule.LOG_ANALYTICS_WORKSPACE], ['aiAccount', AzureNameRule.COGNITIVE_ACCOUNT],
    ['aiSubdomain', AzureNameRule.COGNITIVE_ACCOUNT], ['keyVault', AzureNameRule.KEY_VAULT],
    ['servicePlan', AzureNameRule.SERVICE_PLAN], ['webApp', AzureNameRule.WEB_APP], ['registry', AzureNameRule.CONTAINER_REGISTRY],
    ['historyServer', AzureNameRule.POSTGRESQL_SERVER],
  ];
  for (const [key, rule] of rules) rule.validate(owner, `names.${key}`, names[key]);
  checkTrimmed(owner, 'names.webApp', names.webApp);
  checkWebAppNameNotReserved(owner, 'names.webApp', names.webApp);
}

let SHAPE: Shape | undefined;
/** Props of PrivateChat at runtime; built on first use, after the classes it names exist. */
function propsShape(): Shape {
  SHAPE ??= {
    location: is.string(true),
    resourceGroupName: is.string(),
    network: NETWORK_REF(),
    addressSpace: is.string(),
    privateEndpointSubnetCidr: is.string(),
    appIntegrationSubnetCidr: is.string(),
    natGateway: is.boolean(),
    egress: is.instance(Egress, 'an Egress (Egress.natGateway(), Egress.throughFirewall(ip), Egress.providedElsewhere(description) or Egress.none())'),
    dnsZones: DNS_ZONES_REF(),
    monitoring: MONITORING_REF(),
    workspace: is.object({ retentionInDays: is.integer(), dailyQuotaGb: is.number() }),
    accountKind: is.any(),
    models: is.arrayOf(is.object(DEPLOYMENT_OPTIONS_SHAPE)),
    chatDeploymentName: is.string(),
    contentFilter: is.object(CONTENT_FILTER_OPTIONS_SHAPE),
    allowedFqdns: is.arrayOf(is.string()),
    image: is.instance(ContainerImage, 'a ContainerImage (ContainerImage.SAMPLE_CHAT_APP, ContainerImage.fromRegistry(...) or ContainerImage.fromRegistryDigest(...))'),
    encryption: is.instance(Encryption, 'an Encryption (Encryption.microsoftManagedKeys() or Encryption.customerManagedKey(...))'),
    frontEnd: is.instance(ChatFrontEnd, 'a ChatFrontEnd (ChatFrontEnd.openWebUi(), ChatFrontEnd.sampleChatApp() or ChatFrontEnd.fromImage(...))'),
    chatDeploymentNames: is.arrayOf(is.string()),
    imageMirror: is.boolean(),
    gateway: is.object({
      publisherEmail: is.string(true),
      integrationSubnetCidr: is.string(),
      integrationSubnetId: is.string(),
      additionalBackends: is.arrayOf(is.any()),
      databricksBackends: is.arrayOf(is.any()),
      circuitBreaker: is.object(BREAKER_SHAPE),
      tokensPerMinutePerUser: is.integer(),
      tokensPerDayPerUser: is.integer(),
      deploymentLimits: is.arrayOf(is.any()),
      skuName: is.string(),
      tokenMetrics: is.boolean(),
      monitorPrivateLinkScope: MONITOR_SCOPE_REF(),
      logLlmMessages: is.boolean(),
    }),
    history: is.object({
      enabled: is.boolean(),
      retentionDays: is.integer(),
      retentionJobRunner: is.any(),
      skuName: is.string(),
      backupRetentionDays: is.integer(),
      geoRedundantBackupEnabled: is.boolean(),
      highAvailability: is.any(),
      entraAdministrator: is.object({ objectId: is.string(true), principalName: is.string(true), principalType: is.any() }),
    }),
    appSettings: is.stringMap(),
    signIn: is.instance(SignIn, 'a SignIn (SignIn.createAppRegistration() or SignIn.withExistingRegistration(...))'),
    signInPrincipals: is.arrayOf(PRINCIPAL_REF(true)),
    adminGroups: is.arrayOf(PRINCIPAL_REF(true)),
    appServicePlanSku: is.string(),
    scale: is.object({
      instances: is.integer(),
      zoneRedundant: is.boolean(),
      skuName: is.string(),
      // The web app's own shape of AutoscaleOptions, so the two cannot drift.
      autoscale: AUTOSCALE_SHAPE,
    }),
    sharedState: is.object({ enabled: is.boolean(), skuName: is.string(), highAvailability: is.boolean() }),
    fileStore: is.object({
      enabled: is.boolean(),
      containerName: is.string(),
      softDeleteRetentionDays: is.integer(),
      zoneRedundant: is.boolean(),
      preventDestroy: is.boolean(),
    }),
    documentChat: is.object({ deploymentName: is.string(), embeddingsModel: is.string(), capacity: is.integer(), dimensions: is.integer() }),
    identity: IDENTITY_REF(),
    preventDestroy: is.boolean(),
    webSocketsEnabled: is.boolean(),
    healthCheckPath: is.string(),
    authExcludedPaths: is.arrayOf(is.string()),
    tags: is.stringMap(),
    naming: is.reference(['nameFor'], 'an INamingConvention (e.g. NamingConvention.fromPattern(...))'),
    names: is.object({
      resourceGroup: is.string(),
      virtualNetwork: is.string(),
      workspace: is.string(),
      aiAccount: is.string(),
      aiSubdomain: is.string(),
      keyVault: is.string(),
      servicePlan: is.string(),
      webApp: is.string(),
      registry: is.string(),
      historyServer: is.string(),
      sharedState: is.string(),
      fileStore: is.string(),
    }),
    vault: VAULT_REF(),
    aiAccount: AI_ACCOUNT_REF(),
    openAi: AI_ACCOUNT_REF(),
    servicePlanId: is.string(),
  };
  return SHAPE;
}
