// Address stability (issue 5): the Terraform address of every resource each example synthesizes,
// with the construct path behind it, compared against a committed list under docs/addresses/.
//
// An address (`<type>.<name>`) is how Terraform matches configuration to state. When a refactor
// changes one, Terraform plans to destroy the old object and create a new one: for a vault, an
// OpenAI account or a subnet that means data loss or an outage. This module finds such changes at
// test time. It is driven by test/addresses/addresses.test.ts; see docs/address-stability.md.
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { App, TerraformDataSource, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Terraform address → construct path, for one stack. */
export interface AddressMap {
  [address: string]: string;
}

/** Stack id → its addresses, for one example (the content of docs/addresses/<example>.json). */
export interface ExampleAddresses {
  [stackId: string]: AddressMap;
}

/** One address that differs between the committed list and the current synth. */
export interface AddressChange {
  readonly stack: string;
  readonly address: string;
  /** Construct path in the list the address comes from (committed for removed, current otherwise). */
  readonly path: string;
  /** For a path change: the committed path. */
  readonly previousPath?: string;
}

/** How the current addresses of an example differ from the committed ones. */
export interface AddressDiff {
  readonly added: AddressChange[];
  readonly removed: AddressChange[];
  /** Removed addresses of resources whose replacement loses data, identity or an endpoint. */
  readonly removedStateful: AddressChange[];
  /** Same address, different construct path: harmless for Terraform, but the list is stale. */
  readonly pathChanged: AddressChange[];
}

/**
 * Resource types whose destroy-and-recreate loses something that a new object does not give
 * back: stored data, a globally unique name, a principal id that grants point at, a private IP,
 * a DNS zone's records, or a date fixed at first apply.
 */
export const STATEFUL_TYPES: readonly string[] = [
  'azurerm_resource_group',
  'azurerm_cognitive_account',
  'azurerm_cognitive_deployment',
  'azurerm_cognitive_account_rai_policy',
  'azurerm_key_vault',
  'azurerm_key_vault_secret',
  'azurerm_log_analytics_workspace',
  'azurerm_virtual_network',
  'azurerm_subnet',
  'azurerm_private_dns_zone',
  'azurerm_private_endpoint',
  'azurerm_public_ip',
  'azurerm_service_plan',
  'azurerm_linux_web_app',
  'azurerm_user_assigned_identity',
  'azurerm_role_assignment',
  'azurerm_storage_account',
  'azurerm_cosmosdb_account',
  'azuread_application',
  'azuread_application_registration',
  'azuread_service_principal',
  'azuread_application_password',
  'time_offset',
  'time_static',
];

/** Environment variable that turns the address test into an update of the committed lists. */
export const UPDATE_ENV = 'UPDATE_ADDRESSES';
/** The command that updates the committed lists, shown in every failure. */
export const UPDATE_COMMAND = `${UPDATE_ENV}=1 npx jest test/addresses`;

/** Whether replacing the resource at `address` loses state. Data sources never do. */
export function isStateful(address: string): boolean {
  if (address.startsWith('data.')) return false;
  return STATEFUL_TYPES.includes(address.split('.')[0]);
}

/**
 * Every Terraform address in `stack`, mapped to the construct path that produces it.
 *
 * Walks the construct tree rather than the synthesized JSON, because `Testing.synth` drops the
 * `//` metadata that records paths. The address uses the element's logical id, so it honours
 * `overrideLogicalId` exactly as the synthesized JSON does.
 */
export function collectAddresses(stack: TerraformStack): AddressMap {
  const out: AddressMap = {};
  for (const c of stack.node.findAll()) {
    const address = addressOf(c);
    if (address === undefined || TerraformStack.of(c) !== stack) continue;
    out[address] = c.node.path;
  }
  return sortKeys(out);
}

function addressOf(c: IConstruct): string | undefined {
  if (c instanceof TerraformResource) return `${c.terraformResourceType}.${c.friendlyUniqueId}`;
  if (c instanceof TerraformDataSource) return `data.${c.terraformResourceType}.${c.friendlyUniqueId}`;
  return undefined;
}

/** Addresses of several stacks, by stack id. */
export function collectExample(stacks: TerraformStack[]): ExampleAddresses {
  const out: ExampleAddresses = {};
  for (const stack of stacks) out[stack.node.id] = collectAddresses(stack);
  return sortKeys(out);
}

/** The committed file's text: keys sorted, two-space indent, trailing newline. */
export function serialize(addresses: ExampleAddresses): string {
  const sorted: ExampleAddresses = {};
  for (const [stack, map] of Object.entries(sortKeys(addresses))) sorted[stack] = sortKeys(map);
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** Compares the committed addresses of an example with the current ones. */
export function compareAddresses(committed: ExampleAddresses, current: ExampleAddresses): AddressDiff {
  const added: AddressChange[] = [];
  const removed: AddressChange[] = [];
  const pathChanged: AddressChange[] = [];
  const stacks = [...new Set([...Object.keys(committed), ...Object.keys(current)])].sort();
  for (const stack of stacks) {
    const before = committed[stack] ?? {};
    const after = current[stack] ?? {};
    for (const address of Object.keys(before).sort()) {
      if (!(address in after)) removed.push({ stack, address, path: before[address] });
      else if (after[address] !== before[address]) pathChanged.push({ stack, address, path: after[address], previousPath: before[address] });
    }
    for (const address of Object.keys(after).sort()) {
      if (!(address in before)) added.push({ stack, address, path: after[address] });
    }
  }
  return { added, removed, pathChanged, removedStateful: removed.filter((r) => isStateful(r.address)) };
}

/** Whether the diff is empty. */
export function isUnchanged(diff: AddressDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.pathChanged.length === 0;
}

/**
 * The failure message for one example: what was added and removed, removed stateful resources
 * first and loudly, `moved` hints for likely renames, and how to accept a deliberate change.
 */
export function formatDiff(example: string, diff: AddressDiff): string {
  const lines: string[] = [`examples/${example}: resource addresses differ from docs/addresses/${example}.json.`];
  const item = (c: AddressChange) => `${c.stack}: ${c.address}  (${c.path})`;
  if (diff.removedStateful.length > 0) {
    lines.push('', '!!! STATEFUL RESOURCES REMOVED: terraform apply would DESTROY these and lose their data, names or identities !!!');
    for (const c of diff.removedStateful) lines.push(`  !! ${item(c)}`);
  }
  const plainRemoved = diff.removed.filter((c) => !isStateful(c.address));
  if (plainRemoved.length > 0) {
    lines.push('', 'Removed (terraform would destroy them):');
    for (const c of plainRemoved) lines.push(`  - ${item(c)}`);
  }
  if (diff.added.length > 0) {
    lines.push('', 'Added (terraform would create them):');
    for (const c of diff.added) lines.push(`  + ${item(c)}`);
  }
  if (diff.pathChanged.length > 0) {
    lines.push('', 'Construct path changed, address unchanged (no plan change; the list is stale):');
    for (const c of diff.pathChanged) lines.push(`  ~ ${c.stack}: ${c.address}  (${c.previousPath} -> ${c.path})`);
  }
  const moves = likelyMoves(diff);
  if (moves.length > 0) {
    lines.push('', 'Looks like a rename. To keep the existing objects, move them in state instead of replacing them:');
    for (const [from, to] of moves) {
      lines.push(`  moved { from = ${from.address}  to = ${to.address} }   // cdktf: on ${to.path}, call .moveFromId('${from.address}')`);
    }
  }
  lines.push(
    '',
    'If the change is deliberate (and any destroy above is acceptable or handled with moved blocks), update the list:',
    `  ${UPDATE_COMMAND}`,
    `and commit docs/addresses/${example}.json. See docs/address-stability.md.`,
  );
  return lines.join('\n');
}

/** Removed/added pairs of the same type in the same stack, when that pairing is unambiguous. */
function likelyMoves(diff: AddressDiff): [AddressChange, AddressChange][] {
  const out: [AddressChange, AddressChange][] = [];
  const key = (c: AddressChange) => `${c.stack} ${c.address.startsWith('data.') ? 'data' : c.address.split('.')[0]}`;
  for (const from of diff.removed) {
    if (from.address.startsWith('data.')) continue;
    const sameRemoved = diff.removed.filter((r) => key(r) === key(from));
    const sameAdded = diff.added.filter((a) => key(a) === key(from));
    if (sameRemoved.length === 1 && sameAdded.length === 1) out.push([from, sameAdded[0]]);
  }
  return out;
}

/**
 * Checks one example against its committed text: undefined when they match, else the failure
 * message. A missing committed file fails too, so a new example is never silently unguarded.
 */
export function verifyExample(example: string, current: ExampleAddresses, committedText: string | undefined): string | undefined {
  if (committedText === undefined) {
    return [
      `examples/${example} has no committed address list (docs/addresses/${example}.json).`,
      'Every example must have one, so that a refactor cannot silently plan a destroy. Create it with:',
      `  ${UPDATE_COMMAND}`,
      `and commit docs/addresses/${example}.json. See docs/address-stability.md.`,
    ].join('\n');
  }
  const diff = compareAddresses(JSON.parse(committedText) as ExampleAddresses, current);
  if (!isUnchanged(diff)) return formatDiff(example, diff);
  if (committedText !== serialize(current)) {
    return `docs/addresses/${example}.json is not in the canonical format (sorted keys, two-space indent, trailing newline). Rewrite it with:\n  ${UPDATE_COMMAND}`;
  }
  return undefined;
}

/** Names of the examples: directories under `examplesDir` that hold a `cdktf.json`, sorted. */
export function exampleNames(examplesDir: string): string[] {
  return readdirSync(examplesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(examplesDir, d.name, 'cdktf.json')))
    .map((d) => d.name)
    .sort();
}

/** A TerraformStack subclass exported by an example's main module. */
type StackClass = new (scope: App, id: string) => TerraformStack;

/**
 * The stack classes an example module exports: every exported class that extends TerraformStack.
 */
export function stackClassesOf(mod: Record<string, unknown>): [string, StackClass][] {
  return Object.entries(mod)
    .filter(([, v]) => typeof v === 'function' && (v as { prototype?: unknown }).prototype instanceof TerraformStack)
    .map(([name, v]) => [name, v as StackClass] as [string, StackClass])
    .sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * Instantiates the stacks of one example, the convention being the one the examples already
 * follow: `main.ts` exports its stack class(es), each constructible as `new X(scope, id)`.
 *
 * The stack id is the one `main.ts` itself uses (`new XStack(app, 'chat')`, found in `source`),
 * so that the recorded construct paths are those `cdktf synth` prints. Without such a line it is
 * the example's directory name when there is one class, otherwise the class name in kebab case
 * without its `Stack` suffix (`HubStack` → `hub`).
 */
export function instantiateExample(app: App, example: string, mod: Record<string, unknown>, source: string = ''): TerraformStack[] {
  const classes = stackClassesOf(mod);
  if (classes.length === 0) {
    throw new Error(`examples/${example}/main.ts exports no TerraformStack subclass; export the stack class(es) so that the address test can build them (see docs/address-stability.md)`);
  }
  return classes.map(([name, cls]) => {
    const declared = new RegExp(`new\\s+${name}\\s*\\(\\s*\\w+\\s*,\\s*['"]([^'"]+)['"]`).exec(source)?.[1];
    const id = declared ?? (classes.length === 1 ? example : kebab(name.replace(/Stack$/, '')));
    try {
      return new cls(app, id);
    } catch (e) {
      throw new Error(`examples/${example}/main.ts: 'new ${name}(app, '${id}')' failed: ${(e as Error).message}. `
        + 'Every exported stack class must be constructible with (scope, id) alone; give other parameters defaults.');
    }
  });
}

function kebab(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function sortKeys<T>(obj: { [key: string]: T }): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  for (const key of Object.keys(obj).sort()) out[key] = obj[key];
  return out;
}
