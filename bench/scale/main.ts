// Scale benchmark app: N default PrivateChat instances in one app, either one stack each
// (`stacks`, how a platform team stamps out one deployment per team) or all in one stack
// (`one-stack`), so that the harness can see how synth time and memory grow with N.
//
// Usage: node bench/scale/main.js <N> <stacks|one-stack>   (or BENCH_N / BENCH_LAYOUT)
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { PrivateChat } from 'cdktf-private-chat';

const LAYOUTS = ['stacks', 'one-stack'];

const n = Number(process.argv[2] ?? process.env.BENCH_N ?? '1');
const layout = process.argv[3] ?? process.env.BENCH_LAYOUT ?? 'stacks';
if (!Number.isInteger(n) || n < 1) throw new Error(`N must be a positive integer, got ${process.argv[2] ?? process.env.BENCH_N}`);
if (!LAYOUTS.includes(layout)) throw new Error(`layout must be one of ${LAYOUTS.join(', ')}, got ${layout}`);

const app = new App();
if (layout === 'stacks') {
  for (let i = 0; i < n; i++) {
    const stack = new TerraformStack(app, `chat-${i}`);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new PrivateChat(stack, 'chat', { location: 'swedencentral' });
  }
} else {
  const stack = new TerraformStack(app, 'chats');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  for (let i = 0; i < n; i++) {
    new PrivateChat(stack, `chat-${i}`, { location: 'swedencentral' });
  }
}
app.synth();
