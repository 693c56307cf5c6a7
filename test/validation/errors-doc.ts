import { CatalogueEntry } from './catalogue';

/** The command that rewrites docs/errors.md from the catalogue. */
export const UPDATE_ENV = 'UPDATE_ERRORS_DOC';
export const UPDATE_COMMAND = `${UPDATE_ENV}=1 npx jest test/validation`;

/** One catalogue entry with the message it actually produced. */
export interface CatalogueResult {
  readonly entry: CatalogueEntry;
  readonly message: string;
}

/**
 * The message as the docs show it: construct paths relative to the stack (`'test/Network'`
 * becomes `'Network'`), since the stack's name is the reader's own.
 */
export function shortenPaths(message: string): string {
  return message.replace(/(^|[\s'(])test\//g, '$1');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${cell(text)}\``;
}

const INTRO = `# Error guide

<!-- Generated from test/validation/catalogue.ts by test/validation/errors.test.ts; do not edit by hand.
     Regenerate with: ${UPDATE_COMMAND} -->

Every construct checks its props when it is created, before any resource exists, so a mistake
fails \`cdktf synth\` (or the unit test) on the line that made it, not halfway through
\`terraform apply\`. Each error has the same shape, \`Kind 'construct path': 'prop' what is allowed, got value\`:

\`\`\`text
OpenAiAccount 'chat/OpenAi': 'models[0].capacity' must be an integer between 1 and 100000 (thousands of tokens per minute) for SKU 'GlobalStandard', got 0
\`\`\`

- The construct path tells you which instance is wrong; the prop tells you which line to change.
- A prop that \`PrivateChat\` hands down to one of its parts is reported by that part, under the
  same prop name (above: \`models\` of \`PrivateChat 'chat'\`, checked by its \`OpenAi\` account).
- An existing resource used through a \`fromXxx\` factory reports as that factory, e.g. \`PrivateNetwork.fromAttributes\`.
- A value that is an unresolved token (a \`TerraformVariable\`, a reference to another resource)
  is not checked: it is only known at plan time, and Azure checks it then.
- Warnings use the same shape. \`cdktf synth\` prints them and keeps going; they mark a setting
  weaker than the secure default, and some have a silencer (named in the fix).
- Failures of the compliance rule pack (\`PCHAT-...\` ids) are listed in [compliance.md](compliance.md).
- A suggestion in parentheses (\`did you mean 'swedencentral'?\`) is the known name nearest to what
  you wrote (regions, props, modes, SKUs, models, query names).

## Today

Every check that depends on the date (model retirement and lifecycle warnings, and the
\`expiry-in-past\` warning of vault secrets and client secrets) uses one "today": the context key
\`cdktf-private-chat:today\` when it is set (an ISO date such as \`2026-11-22\`, or an RFC3339
timestamp whose UTC day counts), else the date the library's model catalogue was researched.
Synthesis never reads the clock, so the same code gives the same output and warnings on every run;
each message says which date it used. To check against the real date, set the key in
\`cdktf.json\`'s \`"context"\` (a pipeline can write it before \`cdktf synth\`) or in code,
\`new App({ context: { 'cdktf-private-chat:today': '2026-12-07' } })\`.

Examples below use a stack named \`test\`, left out of the paths.
`;

const AZURE_ONLY = `## Errors only Azure can raise

Some limits depend on the subscription and cannot be checked at synth time.

| Error at apply | Why | Fix |
|---|---|---|
| \`InsufficientQuota\` on \`azurerm_cognitive_deployment\` | Azure OpenAI quota is granted per subscription, region, model and deployment type (SKU), in tokens per minute; \`capacity\` of all deployments of that model and type in the region counts against it. | Lower \`capacity\`, use another region or SKU (global deployment types have the largest default quota), or request more on the quota page of the Azure AI Foundry portal. |
| \`RequestConflict\` ("Another operation is being performed on the parent resource") | Azure rejects parallel writes to one account. | Add deployments through \`OpenAiAccount\` (\`models\` or \`addDeployment\`), which chains them. |
| \`CustomDomainInUse\` / account name already in use | A deleted Azure OpenAI account stays soft-deleted for 48 hours and keeps its name and subdomain. | Purge it (\`az cognitiveservices account purge\`) or use another name. |
| \`VaultAlreadyExists\` / name in use | A deleted Key Vault keeps its name for the soft-delete retention period; with purge protection (always on here) it cannot be purged early. | Use another \`name\` (the derived name changes with the construct path). |
| \`Forbidden\` on the first secret write or model call | New role assignments take a while to propagate. | Re-run the apply; the constructs already wait after their own grants. |
`;

/** docs/errors.md: one table per construct, listing every rule with its actual message and its fix. */
export function errorsMarkdown(results: CatalogueResult[]): string {
  const groups = new Map<string, CatalogueResult[]>();
  for (const result of results) {
    const list = groups.get(result.entry.construct) ?? [];
    list.push(result);
    groups.set(result.entry.construct, list);
  }
  const sections: string[] = [];
  for (const [construct, list] of groups) {
    sections.push([
      `## ${construct}`,
      '',
      '| Prop | Rule | Example message | Fix |',
      '|---|---|---|---|',
      ...list.map(({ entry, message }) => {
        const rule = entry.warning ? `**Warning:** ${entry.description}` : entry.description;
        return `| ${code(entry.prop)} | ${cell(rule)} | ${code(shortenPaths(message))} | ${cell(entry.fix)} |`;
      }),
      '',
    ].join('\n'));
  }
  const index = [...groups.keys()].map((c) => `- [${c}](#${c.toLowerCase().replace(/[^a-z0-9]/g, '')}) (${groups.get(c)!.length})`);
  return [INTRO, `${results.length} rules, by construct:`, '', ...index, '', ...sections, AZURE_ONLY].join('\n');
}
