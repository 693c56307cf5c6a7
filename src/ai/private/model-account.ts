import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { grantRole, IPrincipal } from '../../core/principal';
import { PrivateLinkZone } from '../../network/private-dns-zones';
import { IPrivateNetwork } from '../../network/private-network';
import { ModelDeploymentOptions } from '../model-deployment';

/**
 * What differs between the account kinds: everything else (network isolation, identity,
 * diagnostics, content filter, serialized deployments) is shared.
 */
export interface AccountKindSpec {
  /** `kind` of the `azurerm_cognitive_account`. */
  readonly kind: 'OpenAI' | 'AIServices';
  /** Deployments created when `models` is not given. */
  readonly defaultModels: ModelDeploymentOptions[];
  /** Zones of the account's private endpoint zone group. */
  readonly zones: PrivateLinkZone[];
  /** The role `grantUse` assigns. */
  readonly useRole: UseRole;
}

/** The built-in role that lets a principal call an account's models. */
export interface UseRole {
  /** Role name, for the assignment's construct id and description. */
  readonly name: string;
  /** Role definition GUID, when the role is assigned by id rather than by name. */
  readonly guid?: string;
}

/** `Cognitive Services OpenAI User`: inference on the OpenAI models of an account, nothing else. */
export const OPENAI_USER_ROLE: UseRole = { name: 'Cognitive Services OpenAI User' };

/**
 * `Azure AI User` (being renamed `Foundry User`): inference on every model of a Foundry
 * account, through the OpenAI, v1 and model-inference routes; no key listing. Assigned by id so
 * that the rename cannot break the lookup.
 *
 * @see https://learn.microsoft.com/azure/foundry/concepts/rbac-foundry
 */
export const AZURE_AI_USER_ROLE: UseRole = { name: 'Azure AI User', guid: '53ca6127-db72-4b80-b1b0-d745d6d5456d' };

/** `Azure AI Project Manager` (being renamed `Foundry Project Manager`): Azure AI User, plus granting it to others. */
export const AZURE_AI_PROJECT_MANAGER_ROLE: UseRole = { name: 'Azure AI Project Manager', guid: 'eadc314b-1a2d-4efa-be10-5d325db5065e' };

/** Assigns `role` on `scopeId` to `principal`, by role id when the role has one. */
export function grantModelRole(owner: Construct, scopeId: string, role: UseRole, principal: IPrincipal): RoleAssignment {
  return grantRole(owner, { scopeId, roleDefinitionName: role.name, principal }, role.guid);
}

/** Log categories a model account sends: control-plane audit, request metadata, token usage. */
export const LOG_CATEGORIES = ['Audit', 'RequestResponse', 'AzureOpenAIRequestUsage'];

/** Longest DNS label: the custom subdomain is the first label of `<subdomain>.openai.azure.com`. */
export const MAX_DNS_LABEL = 63;

export const FQDN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Model formats an account of kind `OpenAI` serves; the others need a Foundry (`AIServices`) account. */
export const OPENAI_KIND_FORMATS = ['OpenAI'];
/** Formats whose support on an `OpenAI`-kind account is not documented either way. */
export const OPENAI_KIND_UNCERTAIN_FORMATS = ['OpenAI-OSS'];

/** `https://<subdomain>.openai.azure.com/`. */
export function openAiEndpointOf(subdomain: string): string {
  return `https://${subdomain}.openai.azure.com/`;
}

/**
 * The network's region. `location` is optional on `IPrivateNetwork` (unknown for an imported
 * network given none); read defensively so that a hand-made network object without it passes.
 */
export function networkLocation(network: IPrivateNetwork): string | undefined {
  const location = (network as { readonly location?: unknown }).location;
  return typeof location === 'string' ? location : undefined;
}
