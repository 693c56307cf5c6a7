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
