import { readFileSync, statSync } from 'fs';
import { dirname, join } from 'path';
import { deriveProviderSchema } from './private/derive';
import { HAND_WRITTEN_SCHEMAS } from './private/hand-written';
import { readCache, writeCache } from './private/schema-cache';
import type { ProviderSchema } from './private/schema-types';

export * from './private/schema-types';

/** Bumped whenever the derived layout or its meaning changes, so stale caches are ignored. */
export const SCHEMA_FORMAT = 1;

/** Schemas loaded in this process, by package name; `null` when the package is not installed. */
const loaded = new Map<string, ProviderSchema | null>();

/**
 * The npm package that ships the prebuilt bindings of a Terraform provider, e.g. `azurerm` →
 * `@cdktf/provider-azurerm`.
 */
export function packageOfProvider(provider: string): string {
  return `@cdktf/provider-${provider}`;
}

/**
 * The Terraform provider a resource or data source type belongs to: the part before the first `_`.
 */
export function providerOfType(type: string): string {
  const i = type.indexOf('_');
  return i < 0 ? type : type.slice(0, i);
}

/**
 * The schema of the provider whose bindings `packageName` ships, or undefined when that package
 * cannot be resolved from here (a provider the library knows nothing about, e.g. `random`).
 *
 * Reads the disk cache when it matches the installed package (name, version and size of its
 * `.jsii`); otherwise parses the `.jsii` once and writes the cache. Never loads the package's
 * JavaScript: requiring a provider root module costs seconds.
 */
export function loadProviderSchema(packageName: string): ProviderSchema | undefined {
  if (loaded.has(packageName)) return loaded.get(packageName) ?? undefined;
  const schema = loadUncached(packageName);
  loaded.set(packageName, schema ?? null);
  return schema;
}

/** Schema of the provider that a Terraform type's prefix names (`azurerm_key_vault` → azurerm). */
export function schemaForType(type: string): ProviderSchema | undefined {
  return loadProviderSchema(packageOfProvider(providerOfType(type)));
}

function loadUncached(packageName: string): ProviderSchema | undefined {
  const handWritten = HAND_WRITTEN_SCHEMAS[packageName];
  if (handWritten) return handWritten;
  const jsiiPath = resolveJsii(packageName);
  if (!jsiiPath) return undefined;
  const size = statSync(jsiiPath).size;
  const version = (JSON.parse(readFileSync(join(dirname(jsiiPath), 'package.json'), 'utf8')) as { version: string }).version;
  const key = `${packageName.replace(/^@/, '').replace(/\//g, '+')}@${version}-${size}-f${SCHEMA_FORMAT}.json`;
  const cached = readCache(jsiiPath, key) as ProviderSchema | undefined;
  if (cached && cached.format === SCHEMA_FORMAT && cached.packageName === packageName && cached.packageVersion === version) {
    return cached;
  }
  const assembly = JSON.parse(readFileSync(jsiiPath, 'utf8'));
  const schema = deriveProviderSchema(assembly, SCHEMA_FORMAT);
  writeCache(jsiiPath, key, schema);
  return schema;
}

function resolveJsii(packageName: string): string | undefined {
  try {
    return require.resolve(`${packageName}/.jsii`);
  } catch {
    return undefined;
  }
}
