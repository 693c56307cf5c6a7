// @cdktf/provider-databricks is an optional peer dependency: the library, and the five-line stack,
// must load and synthesize without it; only DatabricksServingEndpoint needs it, and says so.

const BLOCKED = [
  '@cdktf/provider-databricks',
  '@cdktf/provider-databricks/lib/model-serving',
  '@cdktf/provider-databricks/lib/permissions',
  '@cdktf/provider-databricks/lib/service-principal',
  '@cdktf/provider-databricks/lib/provider',
];

/** Loads `src/index.ts` in a fresh registry where requiring the databricks package fails as it does when it is not installed. */
function withoutDatabricks<T>(body: (lib: typeof import('../../src')) => T): T {
  let result: T | undefined;
  jest.isolateModules(() => {
    for (const name of BLOCKED) {
      jest.doMock(name, () => {
        const error = new Error(`Cannot find module '${name}'`) as Error & { code: string };
        error.code = 'MODULE_NOT_FOUND';
        throw error;
      });
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    result = body(require('../../src'));
  });
  for (const name of BLOCKED) jest.dontMock(name);
  return result as T;
}

describe('the optional databricks package', () => {
  test('the root index loads without it, and a DatabricksWorkspace synthesizes without it', () => {
    const json = withoutDatabricks((lib) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { App, TerraformStack, Testing } = require('cdktf') as typeof import('cdktf');
      const stack = new TerraformStack(new App(), 'chat');
      const network = new lib.PrivateNetwork(stack, 'Network', { resourceGroupName: 'rg', location: 'swedencentral' });
      const dnsZones = new lib.PrivateDnsZones(stack, 'Zones', { resourceGroupName: 'rg', network, zones: [lib.PrivateLinkZone.AZURE_DATABRICKS] });
      new lib.DatabricksWorkspace(stack, 'Databricks', {
        resourceGroupName: 'rg', location: 'swedencentral', network, dnsZones, subnets: lib.DatabricksSubnets.create('10.0.4.0/26', '10.0.4.64/26'),
      });
      return JSON.parse(Testing.synth(stack));
    });
    expect(Object.keys(json.resource.azurerm_databricks_workspace)).toHaveLength(1);
  });

  test('a DatabricksServingEndpoint says what to install', () => {
    expect(() => withoutDatabricks((lib) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { App, TerraformStack } = require('cdktf') as typeof import('cdktf');
      const stack = new TerraformStack(new App(), 'serving');
      const workspace = lib.DatabricksWorkspace.fromAttributes(stack, 'Workspace', {
        workspaceResourceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbw',
        workspaceUrl: 'adb-1.1.azuredatabricks.net',
        hasPrivateEndpoint: true,
      });
      new lib.DatabricksServingEndpoint(stack, 'Llama', {
        workspace, modelName: 'system.ai.gpt-oss-20b', modelVersion: '1', provisionedModelUnits: 10, appliedFromInsideNetwork: 'runner in the VNet',
      });
    })).toThrow("DatabricksServingEndpoint 'serving/Llama': needs the optional peer dependency @cdktf/provider-databricks@^15.16.1 (databricks provider 1.99.0): "
      + "run 'npm install @cdktf/provider-databricks@^15.16.1', got it missing");
  });

  test('the mock really blocks the package (the test can fail)', () => {
    expect(() => withoutDatabricks(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@cdktf/provider-databricks/lib/model-serving');
    })).toThrow("Cannot find module '@cdktf/provider-databricks/lib/model-serving'");
  });
});
