// The gateway degrades gracefully: the circuit breaker only across two or more backends and only on
// sustained failure; per-user limits derived from, and held against, the capacity behind it.
import { ApiManagementBackend } from '@cdktf/provider-azurerm/lib/api-management-backend';
import { Testing } from 'cdktf';
import { buildGateway, GatewayFixture, gatewayFixture, LOCATION, RG } from './fixture';
import { DeploymentSku, ModelDeploymentOptions, OpenAiAccount } from '../../src/ai';
import { AiGateway, AiGatewayProps } from '../../src/gateway';
import { blockOf } from '../ai/fixture';
import { synth, synthJson } from '../util';

const MODEL = { modelName: 'gpt-4.1-mini', modelVersion: '2025-04-14' };

/** An account this app creates, so that the gateway sees its deployments. */
function accountWith(f: GatewayFixture, id: string, models: ModelDeploymentOptions[]): OpenAiAccount {
  return new OpenAiAccount(f.stack, id, {
    resourceGroupName: RG, location: LOCATION, network: f.network, dnsZones: f.dnsZones, monitoring: f.monitoring, models,
  });
}

function gatewayOver(build: (f: GatewayFixture) => Partial<AiGatewayProps>): { f: GatewayFixture; gateway: AiGateway } {
  const f = gatewayFixture();
  const gateway = new AiGateway(f.stack, 'Gateway', { ...f.props, ...build(f) });
  return { f, gateway };
}

const tokensPerMinute = (gateway: AiGateway) => [...gateway.policyXml.matchAll(/tokens-per-minute="(\d+)"/g)].map((m) => Number(m[1]));

describe('AiGateway circuit breaker', () => {
  test('one backend gets no breaker: a tripped breaker would answer 503 to every caller with nowhere to fail over', () => {
    const { f, gateway } = buildGateway();
    expect(blockOf(synthJson(f.stack), gateway.backends[0]).circuit_breaker_rule).toBeUndefined();
  });

  test('two backends: each trips after 3 failures (429 or 5xx) within a minute, for a minute or its Retry-After', () => {
    const { f, gateway } = gatewayOver((g) => ({ backends: [{ account: g.primary }, { account: g.secondary }] }));
    const json = synthJson(f.stack);
    for (const backend of gateway.backends) {
      expect(blockOf(json, backend).circuit_breaker_rule).toEqual({
        name: 'trip-on-throttling-and-errors',
        trip_duration: 'PT1M',
        accept_retry_after_enabled: true,
        failure_condition: { count: 3, interval_duration: 'PT1M', status_code_range: [{ min: 429, max: 429 }, { min: 500, max: 599 }] },
      });
    }
    // Never on a single failure.
    expect(gateway.backends.map((b) => blockOf(json, b).circuit_breaker_rule.failure_condition.count).every((c: number) => c >= 2)).toBe(true);
  });

  test('circuitBreaker sets the thresholds of every backend', () => {
    const { f } = gatewayOver((g) => ({
      backends: [{ account: g.primary }, { account: g.secondary }],
      circuitBreaker: { failureCount: 10, interval: 'PT5M', tripDuration: 'PT30S', acceptRetryAfter: false },
    }));
    expect(synth(f.stack)).toHaveResourceWithProperties(ApiManagementBackend, {
      circuit_breaker_rule: {
        name: 'trip-on-throttling-and-errors',
        trip_duration: 'PT30S',
        accept_retry_after_enabled: false,
        failure_condition: { count: 10, interval_duration: 'PT5M', status_code_range: [{ min: 429, max: 429 }, { min: 500, max: 599 }] },
      },
    });
  });

  test('passes the rule pack and the provider rules with two backends', () => {
    const { f } = gatewayOver((g) => ({ backends: [{ account: g.primary }, { account: g.secondary }] }));
    expect(() => Testing.synth(f.stack, true)).not.toThrow();
  });

  test('fails when a breaker is set on a single backend', () => {
    expect(() => buildGateway({ circuitBreaker: { failureCount: 5 } })).toThrow(
      "AiGateway 'test/Gateway': 'circuitBreaker' must be left out with a single backend: a tripped breaker makes API Management answer 503 "
      + 'to every caller until it resets, and one backend leaves nothing to fail over to; add a backend or remove the breaker, got {"failureCount":5}');
  });

  test.each([
    ['it trips on a single failure', { failureCount: 1 }, /'circuitBreaker.failureCount' must be an integer between 2 and 10000, got 1$/],
    ['the count is above azurerm\'s bound', { failureCount: 10001 }, /'circuitBreaker.failureCount' must be an integer between 2 and 10000, got 10001$/],
    ['the interval is not an ISO 8601 duration', { interval: '60s' }, /'circuitBreaker.interval' must be an ISO 8601 duration such as 'PT30S', 'PT1M' or 'PT1H', got '60s'$/],
    ['the trip duration is zero', { tripDuration: 'PT0S' }, /'circuitBreaker.tripDuration' must be longer than zero, got 'PT0S'$/],
    ['the trip duration is blank', { tripDuration: 'P' }, /'circuitBreaker.tripDuration' must be an ISO 8601 duration/],
    ['acceptRetryAfter is a string', { acceptRetryAfter: 'true' as never }, /'circuitBreaker.acceptRetryAfter' must be true or false/],
  ])('fails when %s', (_, circuitBreaker, expected) => {
    expect(() => gatewayOver((g) => ({ backends: [{ account: g.primary }, { account: g.secondary }], circuitBreaker }))).toThrow(expected);
  });
});

describe('AiGateway per-user limits from the capacity behind it', () => {
  test('the default is a quarter of the deployment\'s tokens per minute, at least 4000, at most the capacity', () => {
    const cases: Array<[number, number]> = [[10, 4000], [100, 25000], [40, 10000], [2, 2000]];
    for (const [capacity, expected] of cases) {
      const { gateway } = gatewayOver((f) => ({ backends: [{ account: accountWith(f, 'Account', [{ ...MODEL, capacity }]) }] }));
      expect([capacity, gateway.tokensPerMinutePerUser]).toEqual([capacity, expected]);
      expect(tokensPerMinute(gateway)).toEqual([expected]);
    }
  });

  test('the smallest deployment without a limit of its own sets the default', () => {
    const models = [{ ...MODEL, name: 'big', capacity: 200 }, { ...MODEL, name: 'small', capacity: 40 }];
    expect(gatewayOver((f) => ({ backends: [{ account: accountWith(f, 'Account', models) }] })).gateway.tokensPerMinutePerUser).toBe(10000);
    const { gateway } = gatewayOver((f) => ({
      backends: [{ account: accountWith(f, 'Account', models) }],
      deploymentLimits: [{ deployment: 'small', tokensPerMinutePerUser: 8000 }],
    }));
    expect(gateway.tokensPerMinutePerUser).toBe(50000);
    expect(tokensPerMinute(gateway)).toEqual([8000, 50000]);
  });

  test('a deployment on several backends counts their capacities together (failover reaches each)', () => {
    const { gateway } = gatewayOver((f) => ({
      backends: [{ account: accountWith(f, 'A', [{ ...MODEL, capacity: 40 }]) }, { account: accountWith(f, 'B', [{ ...MODEL, capacity: 40 }]) }],
      circuitBreaker: {},
    }));
    expect(gateway.tokensPerMinutePerUser).toBe(20000);
  });

  test('provisioned deployments (counted in PTUs, not tokens) are left out of the derivation', () => {
    const { gateway } = gatewayOver((f) => ({
      backends: [{
        account: accountWith(f, 'Account', [
          { ...MODEL, name: 'ptu', sku: DeploymentSku.DATA_ZONE_PROVISIONED_MANAGED, capacity: 15 },
          { ...MODEL, name: 'paygo', capacity: 100 },
        ]),
      }],
    }));
    expect(gateway.tokensPerMinutePerUser).toBe(25000);
  });

  test('imported accounts: the capacity is unknown, so the default assumes the library\'s default deployment (4000) and nothing is refused', () => {
    expect(buildGateway().gateway.tokensPerMinutePerUser).toBe(4000);
    expect(buildGateway({ tokensPerMinutePerUser: 50000 }).gateway.tokensPerMinutePerUser).toBe(50000);
    // One imported backend among known ones: it may hold more, so no error either.
    const { gateway } = gatewayOver((f) => ({
      backends: [{ account: accountWith(f, 'Account', [{ ...MODEL, capacity: 10 }]) }, { account: f.primary }],
      tokensPerMinutePerUser: 50000,
    }));
    expect(gateway.tokensPerMinutePerUser).toBe(50000);
  });

  test('a limit the user sets up to the capacity is taken as is; a pool of backends carries more than one account', () => {
    expect(gatewayOver((f) => ({ backends: [{ account: accountWith(f, 'Account', [{ ...MODEL, capacity: 10 }]) }], tokensPerMinutePerUser: 10000 }))
      .gateway.tokensPerMinutePerUser).toBe(10000);
    const { gateway } = gatewayOver((f) => ({
      backends: [{ account: accountWith(f, 'A', [{ ...MODEL, capacity: 10 }]) }, { account: accountWith(f, 'B', [{ ...MODEL, capacity: 10 }]) }],
      tokensPerMinutePerUser: 20000,
    }));
    expect(tokensPerMinute(gateway)).toEqual([20000]);
  });

  test('fails when the per-user limit is above the capacity behind the gateway', () => {
    expect(() => gatewayOver((f) => ({ backends: [{ account: accountWith(f, 'Account', [{ ...MODEL, capacity: 10 }]) }], tokensPerMinutePerUser: 20000 })))
      .toThrow("AiGateway 'test/Gateway': 'tokensPerMinutePerUser' must be at most 10000, the capacity of deployment 'gpt-4.1-mini' behind the gateway "
        + '(10000 tokens per minute on its one backend): above it one user can take the whole deployment; lower it, add capacity, '
        + "or give 'gpt-4.1-mini' its own 'deploymentLimits' entry, got 20000");
  });

  test('fails when the per-user limit is above the capacity of a pool', () => {
    expect(() => gatewayOver((f) => ({
      backends: [{ account: accountWith(f, 'A', [{ ...MODEL, capacity: 10 }]) }, { account: accountWith(f, 'B', [{ ...MODEL, capacity: 10 }]) }],
      tokensPerMinutePerUser: 20001,
    }))).toThrow(/'tokensPerMinutePerUser' must be at most 20000, the capacity of deployment 'gpt-4.1-mini' behind the gateway \(20000 tokens per minute summed over its 2 backends\)/);
  });

  test('fails when a deployment limit is above that deployment\'s capacity', () => {
    expect(() => gatewayOver((f) => ({
      backends: [{ account: accountWith(f, 'Account', [{ ...MODEL, name: 'big', capacity: 200 }, { ...MODEL, name: 'small', capacity: 10 }]) }],
      deploymentLimits: [{ deployment: 'big', tokensPerMinutePerUser: 100000 }, { deployment: 'small', tokensPerMinutePerUser: 15000 }],
    }))).toThrow("AiGateway 'test/Gateway': 'deploymentLimits[1].tokensPerMinutePerUser' must be at most 10000, the capacity of deployment 'small' "
      + 'behind the gateway (10000 tokens per minute on its one backend): above it one user can take the whole deployment; lower it or add capacity, got 15000');
  });

  test('fails at synth when a deployment is added to a backend after the gateway was created', () => {
    const f = gatewayFixture();
    const account = accountWith(f, 'Account', [{ ...MODEL, capacity: 10 }]);
    new AiGateway(f.stack, 'Gateway', { ...f.props, backends: [{ account }] });
    account.addDeployment('Late', { ...MODEL, name: 'late', capacity: 1 });
    expect(() => Testing.synth(f.stack, true)).toThrow(/AiGateway 'test\/Gateway': a backend account got model deployments after the gateway was created/);
  });
});

describe('AiGateway operations and the token policies', () => {
  test('every operation carries the deployment the limits and metrics key on: the route segment, or the v1 body\'s model', () => {
    const { f, gateway } = gatewayOver(() => ({ emitTokenMetrics: false }));
    const json = synthJson(f.stack);
    // The policy's own expression for the deployment of a route.
    const routePattern = /\/deployments\/([^/]+)/;
    expect(gateway.policyXml).toContain('/deployments/([^/]+)');
    for (const op of gateway.operations.map((o) => blockOf(json, o))) {
      const template = String(op.url_template);
      if (template.includes('{deployment-id}')) {
        expect(routePattern.exec(`/openai${template.replace('{deployment-id}', 'chat-model')}`)?.[1]).toBe('chat-model');
      } else if (op.method === 'POST') {
        // v1 requests name the deployment in the body, which the policy reads for POSTs.
        expect(template).toMatch(/^\/v1\/(chat\/completions|responses|embeddings)$/);
        expect(gateway.policyXml).toContain('body[&quot;model&quot;]');
      } else {
        expect(['GET', 'DELETE']).toContain(op.method);
      }
    }
    // One counter per user and deployment, whatever the operation.
    expect(gateway.policyXml).toContain('counter-key="@((string)context.Variables[&quot;gateway-user&quot;] + &quot;|&quot; + (string)context.Variables[&quot;gateway-deployment&quot;])"');
  });
});
