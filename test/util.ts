import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DefaultTokenResolver, StringConcat, TerraformStack, Testing, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { Warnings } from '../src/core/warnings';
import { Monitoring } from '../src/monitoring';
import { PrivateDnsZones, PrivateLinkZone, PrivateNetwork } from '../src/network';

/** The JSON a stack synthesizes, parsed. */
export interface Synthesized {
  readonly resource?: Record<string, Record<string, any>>;
  readonly data?: Record<string, Record<string, any>>;
  readonly provider?: Record<string, any>;
  readonly terraform?: Record<string, any>;
}

/** A fresh stack with the azurerm provider, as users set one up. */
export function newStack(id = 'test'): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Synthesizes `stack` (running validations and aspects) and returns the JSON text. */
export function synth(stack: TerraformStack): string {
  return Testing.synth(stack, true);
}

/** Synthesizes and parses. */
export function synthJson(stack: TerraformStack): Synthesized {
  return JSON.parse(synth(stack));
}

/** All resources of one Terraform type, by their Terraform name. */
export function resourcesOf(json: Synthesized, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The one resource of a type; fails the test when there is not exactly one. */
export function onlyResource(json: Synthesized, type: string): any {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/**
 * Warnings on a construct and its children that a user would see: the library's unacknowledged
 * warnings (decided at synth, read here without synthesizing) and any other warning annotation.
 */
export function warningsOf(scope: IConstruct): string[] {
  const library = Warnings.unacknowledged(scope);
  const annotations = scope.node.findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)))
    .filter((m) => !library.includes(m));
  return [...library, ...annotations];
}

/** A token resolved in its stack: compares references by what they synthesize to. */
export function resolved(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, {
    scope: TerraformStack.of(scope),
    preparing: false,
    resolver: new DefaultTokenResolver(new StringConcat()),
  });
}

/** The message `make` throws; fails the test when it throws nothing. */
export function thrown(make: () => unknown): string {
  try {
    make();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, nothing was thrown');
}

/** What a service behind a private endpoint stands on in the tests, all in `rg-chat`. */
export interface ServiceFixture {
  readonly stack: TerraformStack;
  readonly network: PrivateNetwork;
  /** The default zones plus the service's own. */
  readonly dnsZones: PrivateDnsZones;
  readonly monitoring: Monitoring;
}

/** A fresh stack with a network, DNS zones that include `zone`, and a workspace, in `location`. */
export function serviceFixture(zone: PrivateLinkZone, location = 'swedencentral'): ServiceFixture {
  const stack = newStack();
  const network = new PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg-chat', location });
  const dnsZones = new PrivateDnsZones(stack, 'DnsZones', { resourceGroupName: 'rg-chat', network, zones: [...PrivateLinkZone.all(), zone] });
  const monitoring = new Monitoring(stack, 'Monitoring', { resourceGroupName: 'rg-chat', location });
  return { stack, network, dnsZones, monitoring };
}
