// The naive way, for the benchmark only: the same resources as the default private chat
// (examples/private-chat), written as most cdktf users write them, in one flat stack that imports
// every provider from its package root. The point is equal Terraform work, not equal security
// logic: same resource types and counts, same data source, same providers and backend, with
// roughly the same attributes. bench/run.ts checks at bench time that the type counts still match
// the private-chat example, so the comparison stays fair when the library changes.
//
// The root imports are deliberate: `@cdktf/provider-azurerm`'s index loads all ~1,500 resource
// modules, which is what this benchmark compares against. Do not copy this style.
import * as azureadRoot from '@cdktf/provider-azuread';
import * as azurermRoot from '@cdktf/provider-azurerm';
import * as timeRoot from '@cdktf/provider-time';
import { App, DataResource } from 'cdktf';
import { NaiveChatStack } from './stack';

// The stack itself is in ./stack.ts, shared with bench/handwritten; cdktf's DataResource holds
// the generated values, as most hand-written stacks would. Each package root is passed whole: the
// stack picks the modules it uses by name.
const app = new App();
new NaiveChatStack(app, 'naive', {
  ...azureadRoot,
  ...azurermRoot,
  ...timeRoot,
  azuread: azureadRoot.provider,
  azurerm: azurermRoot.provider,
  time: timeRoot.provider,
}, (scope, id, config) => new DataResource(scope, id, config));
app.synth();
