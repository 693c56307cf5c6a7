// The public API names the Foundry account what it is (issue 24, "Names"): no member that holds
// an account is called `openAi*` unless it is a deprecated alias, no member is typed with the
// deprecated `IOpenAiAccount` unless it is deprecated too, and every other `openAi*` member is
// one of the names below that say something true about OpenAI (its endpoint, its DNS zone).
// Reads the TypeScript sources with TypeScript's own parser (no compile, no type checker).
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

const SRC = join(__dirname, '..', '..', 'src');

/**
 * `openAi*` members that do not hold an account, and why the name is accurate. A new `openAi*`
 * member fails the test until it is deprecated, renamed or added here with its reason.
 */
const ACCURATE: { readonly [member: string]: string } = {
  'PrivateChat.openAiEndpoint': "the account's OpenAI endpoint URL (<subdomain>.openai.azure.com), one of a Foundry account's endpoints",
  'AiAccount.openAiV1Endpoint': 'the OpenAI-compatible v1 base URL (<subdomain>.openai.azure.com/openai/v1/)',
  'AiGateway.openAiBaseUrl': "the gateway's OpenAI-compatible base URL",
  'IDatabricksServingEndpoint.openAiBaseUrl': "the serving endpoint's OpenAI-compatible base URL",
  'DatabricksServingEndpoint.openAiBaseUrl': "the serving endpoint's OpenAI-compatible base URL",
  'HubDnsZoneIds.openAi': 'the id of the privatelink.openai.azure.com zone',
  'PrivateLinkZone.OPENAI': 'the privatelink.openai.azure.com zone',
};

/** `createdOpenAi` holds an account, and it is right: it is set only for an OpenAI-kind account. */
const OPENAI_KIND: { readonly [member: string]: string } = {
  'PrivateChat.createdOpenAi': 'OpenAiAccount',
};

/** A type that holds an account (not its props or attributes). */
const ACCOUNT_TYPE = /\b(I?OpenAiAccount|I?AiAccount)\b(?!Props|Attributes)/;

export interface NameViolation {
  readonly file: string;
  readonly member: string;
  readonly why: string;
}

function isDeprecated(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((t) => t.tagName.text === 'deprecated');
}

function hasModifier(node: ts.Node, kinds: readonly ts.SyntaxKind[]): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => kinds.includes(m.kind));
}

function isExported(node: ts.Node): boolean {
  return hasModifier(node, [ts.SyntaxKind.ExportKeyword]);
}

/** The violations in one source file's exported interfaces and classes. */
export function nameViolations(file: string, text: string): NameViolation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: NameViolation[] = [];
  const check = (owner: string, name: string, typeText: string, deprecated: boolean) => {
    const member = `${owner}.${name}`;
    const holdsAccount = ACCOUNT_TYPE.test(typeText);
    if (!deprecated && /\bIOpenAiAccount\b/.test(typeText)) {
      found.push({ file, member, why: `is typed with the deprecated IOpenAiAccount (${typeText}): use IAiAccount` });
    }
    if (!/openai/i.test(name) || deprecated) return;
    if (holdsAccount) {
      if (OPENAI_KIND[member] !== undefined && typeText === OPENAI_KIND[member]) return;
      found.push({ file, member, why: `holds an account (${typeText}) under an OpenAI name: name it aiAccount* and keep this name as a @deprecated alias` });
    } else if (ACCURATE[member] === undefined) {
      found.push({ file, member, why: `is a new openAi* name (${typeText}): deprecate it, rename it, or add it to ACCURATE with the reason it is true` });
    }
  };
  const visitMembers = (owner: string, members: ts.NodeArray<ts.ClassElement | ts.TypeElement>) => {
    for (const m of members) {
      if (m.name === undefined || !ts.isIdentifier(m.name)) continue;
      if (hasModifier(m, [ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword])) continue;
      if (m.name.text.startsWith('_')) continue;
      const deprecated = isDeprecated(m);
      if (ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) {
        check(owner, m.name.text, m.type?.getText(source) ?? '', deprecated);
      } else if (ts.isGetAccessorDeclaration(m)) {
        check(owner, m.name.text, m.type?.getText(source) ?? '', deprecated);
      } else if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) {
        check(owner, m.name.text, m.type?.getText(source) ?? '', deprecated);
        for (const p of m.parameters) {
          if (ts.isIdentifier(p.name)) check(owner, `${m.name.text}(${p.name.text})`, p.type?.getText(source) ?? '', deprecated);
        }
      }
    }
  };
  const visit = (node: ts.Node) => {
    if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name && isExported(node) && !isDeprecated(node)) {
      visitMembers(node.name.text, node.members);
      if (ts.isClassDeclaration(node)) {
        for (const c of node.members.filter(ts.isConstructorDeclaration)) {
          for (const p of c.parameters) {
            if (ts.isIdentifier(p.name)) check(node.name.text, `constructor(${p.name.text})`, p.type?.getText(source) ?? '', isDeprecated(c));
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function publicSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'private' ? [] : publicSources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('public names of the AI account', () => {
  test('no non-deprecated member holds the account under an openAi* name or typed IOpenAiAccount', () => {
    const violations = publicSources(SRC).flatMap((f) => nameViolations(relative(SRC, f), readFileSync(f, 'utf8')));
    expect(violations).toEqual([]);
  });

  test('the deprecated aliases are there, deprecated', () => {
    const text = (f: string) => readFileSync(join(SRC, f), 'utf8');
    const deprecatedMembers = (file: string) => {
      const source = ts.createSourceFile(file, text(file), ts.ScriptTarget.Latest, true);
      const names: string[] = [];
      const visit = (node: ts.Node) => {
        const named = node as ts.NamedDeclaration;
        if (named.name && ts.isIdentifier(named.name) && isDeprecated(node)) names.push(named.name.text);
        ts.forEachChild(node, visit);
      };
      visit(source);
      return names;
    };
    expect(deprecatedMembers('ai/ai-account-props.ts')).toEqual(['IOpenAiAccount']);
    expect(deprecatedMembers('pattern/private-chat-props.ts')).toEqual(['openAi']);
    expect(deprecatedMembers('pattern/private-chat.ts')).toEqual(['openAi']);
    expect(deprecatedMembers('app/chat-web-app-props.ts')).toEqual(['openAi']);
  });

  describe('the check fails when', () => {
    test('a prop holds the account under an openAi name', () => {
      expect(nameViolations('x.ts', 'export interface P { readonly openAi?: IAiAccount; }')).toEqual([
        { file: 'x.ts', member: 'P.openAi', why: 'holds an account (IAiAccount) under an OpenAI name: name it aiAccount* and keep this name as a @deprecated alias' },
      ]);
    });
    test('an attribute or a method parameter is typed with the deprecated interface', () => {
      expect(nameViolations('x.ts', 'export class C { public readonly account: IOpenAiAccount; public use(account: IOpenAiAccount): void {} }').map((v) => v.member))
        .toEqual(['C.account', 'C.use(account)']);
    });
    test('a new openAi* name appears, even a string', () => {
      expect(nameViolations('x.ts', 'export interface P { readonly openAiRegion?: string; }').map((v) => v.why))
        .toEqual(['is a new openAi* name (string): deprecate it, rename it, or add it to ACCURATE with the reason it is true']);
    });
    test('createdOpenAi holds something other than the OpenAI-kind account', () => {
      expect(nameViolations('x.ts', 'export class PrivateChat { public readonly createdOpenAi?: AiAccount; }').map((v) => v.member)).toEqual(['PrivateChat.createdOpenAi']);
    });
  });

  describe('the check passes', () => {
    test('a deprecated alias, a private member and an accurate name', () => {
      expect(nameViolations('x.ts', `export class PrivateChat {
        /** @deprecated use aiAccount */
        public get openAi(): IAiAccount { return this.aiAccount; }
        private readonly openAiThing: IAiAccount;
        public readonly openAiEndpoint: string;
        public readonly createdOpenAi?: OpenAiAccount;
      }`)).toEqual([]);
    });
  });
});
