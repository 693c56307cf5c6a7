// Brings cdktf's jest matcher types (toHaveResourceWithProperties, …) into the type-check; test/setup.ts registers them at run time.
import 'cdktf/lib/testing/adapters/jest';
import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { AiAccountProps } from '../../src/ai';
import { Monitoring } from '../../src/monitoring';
import { PrivateDnsZones, PrivateNetwork } from '../../src/network';
import { newStack } from '../util';

/** A stack with the network, zones and workspace an OpenAI account plugs into. */
export interface AiFixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  readonly dnsZones: PrivateDnsZones;
  readonly monitoring: Monitoring;
  /** The required props of an account, wired to the above. */
  readonly props: AiAccountProps;
}

export function aiFixture(): AiFixture {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location: 'swedencentral' });
  return {
    stack,
    network,
    dnsZones,
    monitoring,
    props: { resourceGroupName: 'rg-chat', location: 'swedencentral', network, dnsZones, monitoring },
  };
}

/** `type.name` of a resource, as it appears in `depends_on`. */
export function address(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/** `${type.name.attr}`: how a reference to a resource's attribute synthesizes. */
export function ref(resource: TerraformResource, attribute: string): string {
  return `\${${address(resource)}.${attribute}}`;
}

/** The synthesized block of one resource. */
export function blockOf(json: any, resource: TerraformResource): any {
  const block = json.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
  if (!block) throw new Error(`no ${address(resource)} in the synthesized JSON`);
  return block;
}

/** A value resolved the way synthesis resolves it: references become `${type.name.attr}`. */
export function resolve(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, {
    scope: TerraformStack.of(scope),
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}
