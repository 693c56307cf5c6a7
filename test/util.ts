import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';

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

/** A whole app: for examples that build several stacks. */
export function newApp(): App {
  return Testing.app();
}
