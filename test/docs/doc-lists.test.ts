// Lists in the docs that follow the code (issue 21): each generated section of docs/deploy.md and
// the area READMEs must be what scripts/gen-doc-lists.ts renders from PrivateLinkZone and from what
// PrivateChat synthesizes. Update deliberately with `UPDATE_DOC_LISTS=1 npx jest test/docs/doc-lists`.
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import {
  DOC_LIST_FILES, DOC_LISTS_COMMAND, renderDefaultZones, renderForwarders, renderSections, zonesCreated,
} from '../../scripts/gen-doc-lists';
import { PrivateLinkZone } from '../../src/network';

const root = resolve(__dirname, '..', '..');
const update = process.env.UPDATE_DOC_LISTS === '1';

describe('generated lists in the docs', () => {
  test.each(DOC_LIST_FILES)('%s holds the lists the code renders', (file) => {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/<!-- generated:[a-z-]+:start/);
    const rendered = renderSections(text, file);
    if (update && rendered !== text) {
      writeFileSync(path, rendered);
      return;
    }
    if (rendered !== text) throw new Error(`${file} is out of date with the code: run ${DOC_LISTS_COMMAND}`);
  });

  test('docs/deploy.md section 5 lists the forwarders of every zone the default stack creates', () => {
    const section = readFileSync(join(root, 'docs/deploy.md'), 'utf8').split('## 5.')[1].split('\n## ')[0];
    for (const name of zonesCreated()) {
      const zone = PrivateLinkZone.known().find((z) => z.zoneName === name)!;
      for (const forwarder of zone.publicDnsZones) expect(section).toContain(`\`${forwarder}\``);
    }
  });

  test('the default stack\'s zones are the Foundry, OpenAI, Cognitive Services, Key Vault, App Service and PostgreSQL zones', () => {
    expect([...zonesCreated()].sort()).toEqual([
      'privatelink.azurewebsites.net', 'privatelink.cognitiveservices.azure.com', 'privatelink.openai.azure.com',
      'privatelink.postgres.database.azure.com', 'privatelink.services.ai.azure.com', 'privatelink.vaultcore.azure.net',
    ]);
    expect(renderDefaultZones()).toContain('- `privatelink.services.ai.azure.com`: forward `services.ai.azure.com`');
    expect(renderDefaultZones()).toContain('- `privatelink.vaultcore.azure.net`: forward `vault.azure.net`, `vaultcore.azure.net`');
  });

  test('the forwarder table has a row for every zone the library knows, each with a configuration that creates it', () => {
    const table = renderForwarders();
    for (const zone of PrivateLinkZone.known()) expect(table).toContain(`| \`${zone.zoneName}\` |`);
    expect(table).toContain('| `privatelink.azurecr.io` | `azurecr.io` | with `imageMirror: true`');
    expect(table).toContain('| `privatelink.monitor.azure.com` | `monitor.azure.com`, `applicationinsights.azure.com`, `services.visualstudio.com` | with `gateway` and its token metrics (on by default)');
  });

  test('renderSections replaces only what lies between the markers, and fails on a missing end marker', () => {
    const sections = { demo: () => 'new' };
    expect(renderSections('a\n<!-- generated:demo:start (x) -->\nold\n<!-- generated:demo:end -->\nb\n', 'f.md', sections))
      .toBe('a\n<!-- generated:demo:start (x) -->\nnew\n<!-- generated:demo:end -->\nb\n');
    expect(() => renderSections('<!-- generated:demo:start -->\nold\n', 'f.md', sections))
      .toThrow("f.md: '<!-- generated:demo:start' has no '<!-- generated:demo:end -->'");
  });
});
