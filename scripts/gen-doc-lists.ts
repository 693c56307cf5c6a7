// Lists in the docs that must follow the code (issue 21): the private DNS zones a stack creates and
// the conditional forwarders a corporate DNS server needs for them. Each list sits between markers
//
//   <!-- generated:<name>:start (…) -->  …  <!-- generated:<name>:end -->
//
// and is rendered here from `PrivateLinkZone` (zone names and their public DNS zones) and from
// what `PrivateChat` actually synthesizes with default props and with each option that adds zones.
//
//   UPDATE_DOC_LISTS=1 npx jest test/docs/doc-lists   (rewrites the sections in place)
//   node scripts/gen-doc-lists.js [--check]           (after the build: it imports the package by name)
//
// test/docs/doc-lists.test.ts fails when a committed section differs from what this script renders.
import { readFileSync } from 'fs';
import { join } from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { GeneratedFile, runGenerator } from './generated-file';
import { PrivateChat, PrivateChatProps, PrivateLinkZone } from 'cdktf-private-chat';

/** The command that rewrites every section, shown in staleness messages. */
export const DOC_LISTS_COMMAND = 'UPDATE_DOC_LISTS=1 npx jest test/docs/doc-lists';

/** A configuration of the pattern that adds zones, and how the docs name it. */
interface Variant {
  readonly when: string;
  readonly props: Omit<PrivateChatProps, 'location'>;
}

/** Options that add zones to the default stack, in the order the table lists them. */
const VARIANTS: readonly Variant[] = [
  { when: 'with `imageMirror: true` (the registry mirror)', props: { imageMirror: true } },
  { when: 'with `gateway` (the AI gateway)', props: { gateway: { publisherEmail: 'ops@contoso.com', tokenMetrics: false } } },
  { when: 'with `gateway` and its token metrics (on by default): Azure Monitor Private Link Scope', props: { gateway: { publisherEmail: 'ops@contoso.com' } } },
];

const CREATED = new Map<string, string[]>();

/** Names of the private DNS zones `PrivateChat` creates with `props`, in synthesis order. */
export function zonesCreated(props: Omit<PrivateChatProps, 'location'> = {}): string[] {
  const key = JSON.stringify(props);
  const known = CREATED.get(key);
  if (known) return [...known];
  const stack = new TerraformStack(Testing.app(), 'docs');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new PrivateChat(stack, 'chat', { location: 'swedencentral', ...props });
  const json = JSON.parse(Testing.synth(stack)) as { resource?: Record<string, Record<string, { name: string }>> };
  const names = Object.values(json.resource?.azurerm_private_dns_zone ?? {}).map((z) => z.name);
  CREATED.set(key, names);
  return [...names];
}

function zoneOf(name: string): PrivateLinkZone {
  const zone = PrivateLinkZone.known().find((z) => z.zoneName === name);
  if (!zone) throw new Error(`PrivateChat creates the zone '${name}', which PrivateLinkZone.known() does not list`);
  return zone;
}

function code(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}

/** Zones of the default stack, as a bullet list with their forwarders. */
export function renderDefaultZones(): string {
  const created = zonesCreated().map(zoneOf);
  // In the library's order (PrivateLinkZone.known()), not synthesis order.
  return PrivateLinkZone.known().filter((z) => created.includes(z))
    .map((z) => `- \`${z.zoneName}\`: forward ${code(z.publicDnsZones)}`).join('\n');
}

/** Every zone the library knows, the public zones to forward, and when a stack needs it. */
export function renderForwarders(): string {
  const defaults = new Set(zonesCreated());
  const when = new Map<string, string>();
  for (const variant of VARIANTS) {
    for (const name of zonesCreated(variant.props)) if (!defaults.has(name) && !when.has(name)) when.set(name, variant.when);
  }
  const rows = PrivateLinkZone.known().map((zone) => {
    const needed = defaults.has(zone.zoneName) ? 'always (default props)' : when.get(zone.zoneName);
    if (needed === undefined) throw new Error(`no PrivateChat configuration in scripts/gen-doc-lists.ts creates '${zone.zoneName}': add one to VARIANTS`);
    return `| \`${zone.zoneName}\` | ${code(zone.publicDnsZones)} | ${needed} |`;
  });
  return ['| Private DNS zone | Conditional forwarders (public zones) | Created by `PrivateChat` |', '|---|---|---|', ...rows].join('\n');
}

/** The generated sections, by name. */
export const SECTIONS: { readonly [name: string]: () => string } = {
  'default-zones': renderDefaultZones,
  'forwarders': renderForwarders,
};

/** The files that hold generated sections, relative to the repository root. */
export const DOC_LIST_FILES = ['docs/deploy.md', 'src/pattern/README.md'];

const START = (name: string) => new RegExp(`<!-- generated:${name}:start[^>]*-->\\n`);
const END = (name: string) => `<!-- generated:${name}:end -->`;

/** `text` with every generated section it holds re-rendered; throws for a start marker without its end. */
export function renderSections(text: string, file: string, sections = SECTIONS): string {
  let out = text;
  for (const [name, render] of Object.entries(sections)) {
    let from = 0;
    for (;;) {
      const match = START(name).exec(out.slice(from));
      if (!match) break;
      const bodyStart = from + match.index + match[0].length;
      const end = out.indexOf(END(name), bodyStart);
      if (end < 0) throw new Error(`${file}: '<!-- generated:${name}:start' has no '${END(name)}'`);
      const body = `${render()}\n`;
      out = out.slice(0, bodyStart) + body + out.slice(end);
      from = bodyStart + body.length + END(name).length;
    }
  }
  return out;
}

/** One generated file per document. */
export function docListFiles(): GeneratedFile[] {
  return DOC_LIST_FILES.map((target) => ({
    target,
    source: 'PrivateLinkZone and PrivateChat',
    command: DOC_LISTS_COMMAND,
    generate: (root: string) => renderSections(readFileSync(join(root, target), 'utf8'), target),
  }));
}

if (require.main === module) {
  process.exitCode = docListFiles().map((f) => runGenerator(f, process.argv.slice(2))).some((rc) => rc !== 0) ? 1 : 0;
}
