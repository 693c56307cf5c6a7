// The floor: the least any cdktf app pays. It loads cdktf (and constructs), builds an empty stack
// and synthesizes it; no provider package is loaded. Everything an example costs above this is
// the provider classes it loads plus the constructs it builds.
import { App, TerraformStack } from 'cdktf';

const app = new App();
new TerraformStack(app, 'floor');
app.synth();
