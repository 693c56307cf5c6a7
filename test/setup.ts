import { Testing } from 'cdktf';
import { installConformanceHook } from './conformance-hook';

// cdktf records a full stack trace for every token it creates, only to print it when a token
// fails to resolve. Under jest each trace goes through source-map-support, which makes it most
// of the cost of a synth (a PrivateChat: ~110 ms with traces, ~45 ms without). Set
// CDKTF_TOKEN_STACK_TRACES=1 to get them back when debugging a resolution error.
jest.mock('cdktf/lib/tokens/private/stack-trace', () => (process.env.CDKTF_TOKEN_STACK_TRACES
  ? jest.requireActual('cdktf/lib/tokens/private/stack-trace')
  : { captureStackTrace: () => [] }));

// Registers cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, …).
Testing.setupJest();

// Every stack any test synthesizes is held against the provider schemas.
installConformanceHook();

// cdktf validates a `terraform_data` resource by running `terraform version` in a child process
// (ValidateTerraformVersion, ">=1.4"), once per such resource on every synth with validations:
// a check of the machine's Terraform binary, not of the configuration, and most of the cost of a
// test synth of a stack that has them. The examples are still synthesized with it on by
// `npm run synth:examples`. Set CDKTF_BINARY_VERSION_CHECK=1 to run it in the tests too.
if (!process.env.CDKTF_BINARY_VERSION_CHECK) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ValidateBinaryVersion } = require('cdktf/lib/validations/validate-binary-version');
  ValidateBinaryVersion.prototype.validate = (): string[] => [];
}
