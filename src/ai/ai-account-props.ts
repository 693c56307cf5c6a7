import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IConstruct } from 'constructs';
import { ContentFilterOptions } from './content-filter';
import { ModelDeploymentOptions } from './model-deployment';
import { IPrincipal } from '../core/principal';
import { IMonitoring } from '../monitoring/monitoring';
import { IPrivateDnsZones } from '../network/private-dns-zones';
import { IPrivateNetwork } from '../network/private-network';
import { ICustomerManagedKey } from '../secrets/customer-managed-key';

/**
 * A model account that applications can be granted access to through its OpenAI-compatible
 * endpoint: a Foundry account ({@link AiAccount}), an Azure OpenAI account
 * ({@link OpenAiAccount}), or an existing one (`AiAccount.fromAttributes`).
 */
export interface IAiAccount extends IConstruct {
  /** Resource id of the account. */
  readonly accountId: string;
  /** Name of the account. */
  readonly accountName: string;
  /** Endpoint clients call, `https://<custom subdomain>.openai.azure.com/`. */
  readonly endpoint: string;

  /**
   * Lets `principal` call the account's models with Entra ID tokens, since key authentication
   * is off: role `Azure AI User` on a Foundry account (every model, by role id), `Cognitive
   * Services OpenAI User` on an OpenAI-kind account.
   *
   * @returns the role assignment, so that callers can make their app depend on it
   */
  grantUse(principal: IPrincipal): RoleAssignment;
}

/**
 * The former name of {@link IAiAccount}, from when the library created only Azure OpenAI
 * accounts. It adds nothing to {@link IAiAccount}: every account is both.
 *
 * @deprecated use `IAiAccount`; this alias goes in the next breaking release (0.2.0).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface IOpenAiAccount extends IAiAccount {}

/** An existing account, for {@link AiAccount.fromAttributes} and {@link OpenAiAccount.fromAttributes}. */
export interface AiAccountAttributes {
  /** Resource id of the account (`/subscriptions/…/providers/Microsoft.CognitiveServices/accounts/<name>`). */
  readonly accountId: string;
  /**
   * Endpoint of the account.
   *
   * @default - `https://<account name>.openai.azure.com/`, right when the custom subdomain equals the account name
   */
  readonly endpoint?: string;
}

/** Props of {@link AiAccount}, and the base of {@link OpenAiAccountProps}. */
export interface AiAccountProps {
  /** Resource group of the account and its private endpoint. */
  readonly resourceGroupName: string;
  /** Azure region of the account; the private endpoint is placed there too, so it must be the VNet's region. */
  readonly location: string;
  /** Network whose `private-endpoints` subnet holds the account's private endpoint. */
  readonly network: IPrivateNetwork;
  /**
   * Zones holding `privatelink.openai.azure.com` and `privatelink.cognitiveservices.azure.com`,
   * and for an {@link AiAccount} `privatelink.services.ai.azure.com` too.
   */
  readonly dnsZones: IPrivateDnsZones;
  /** Workspace that receives the account's audit, request and usage logs and its metrics. */
  readonly monitoring: IMonitoring;
  /**
   * Name of the account.
   *
   * A deleted account stays soft-deleted for 48 hours and blocks its name until purged.
   *
   * @default - the custom subdomain name
   */
  readonly name?: string;
  /**
   * Custom subdomain of the endpoint (`https://<subdomain>.openai.azure.com/`). Required for
   * private endpoints and Entra ID authentication, and unique across Azure.
   *
   * @default - `oai-<8 hex characters>`, a stable hash of the subscription and the construct path
   */
  readonly customSubdomainName?: string;
  /**
   * Hosts the account may reach on its own (e.g. for "on your data" features). Outbound access
   * is restricted either way; an empty list allows none.
   *
   * @default []
   */
  readonly allowedFqdns?: string[];
  /**
   * Let trusted Azure services (e.g. Azure AI Search with a managed identity) through the
   * network ACL, which otherwise denies everything but the private endpoint.
   *
   * @default true
   */
  readonly trustedServicesBypass?: boolean;
  /**
   * Model deployments, created in this order, one after another.
   *
   * Each deployment without a `sku` is processed in the account's data zone or region: see
   * {@link ModelDeploymentOptions.sku}.
   *
   * @default - one `gpt-5.4` (`2026-03-05`) deployment, capacity 10 (10,000 tokens per minute), `DataZoneStandard` in the EU and US data zones' regions; in any other region the synth fails and names both ways out (a model with a regional deployment there, or `allowGlobalProcessing`)
   */
  readonly models?: ModelDeploymentOptions[];
  /**
   * Content filter attached to every deployment.
   *
   * @default - harm categories filtered from MEDIUM on prompts and completions and blocked; prompt shields and protected material on
   */
  readonly contentFilter?: ContentFilterOptions;
  /**
   * Protect the account from `terraform destroy` and from replacement (`lifecycle.prevent_destroy`).
   *
   * Setting false weakens protection: a replaced account loses its deployments and its endpoint
   * name, and its name stays blocked while it is soft-deleted.
   *
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Resource ids of user-assigned managed identities to add next to the system-assigned one.
   * A `customerManagedKey`'s identity is added without being listed here.
   *
   * @default - only the system-assigned identity
   */
  readonly userAssignedIdentityIds?: string[];
  /**
   * Encrypt the account's data at rest (fine-tuning files and models, stored data of the
   * account's projects) with this key instead of a Microsoft-managed one.
   *
   * The key's identity joins the account (`SystemAssigned, UserAssigned`) and the account is
   * created with `customer_managed_key` set, after the identity's role assignment on the key has
   * propagated. Set it when the account is first created: Azure OpenAI and Foundry accept only
   * 2048-bit RSA keys from a vault with purge protection in the account's region and tenant, and
   * with project management on (Foundry accounts), removing the key later replaces the account.
   * A vault with a firewall must let trusted Azure services through (a created
   * {@link PrivateKeyVault} does).
   *
   * @default - Microsoft-managed keys
   * @see https://learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest
   * @see https://learn.microsoft.com/azure/ai-foundry/concepts/encryption-keys-portal
   */
  readonly customerManagedKey?: ICustomerManagedKey;
  /**
   * Tags applied to the account, its content filter and its private endpoint.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Which kind of model account a pattern creates. */
export enum AccountKind {
  /**
   * A Microsoft Foundry account (`AIServices`): OpenAI models and open models (Meta, DeepSeek,
   * Mistral, gpt-oss, xAI) behind one private endpoint, with Foundry projects.
   */
  AI_SERVICES = 'AIServices',
  /**
   * An Azure OpenAI account (`OpenAI`): OpenAI models only. For stacks created before the
   * library defaulted to Foundry: in azurerm 4.55 changing `kind` replaces the account.
   */
  OPENAI = 'OpenAI',
}
