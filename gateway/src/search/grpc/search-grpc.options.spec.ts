import type { SearchConfig } from '../search.config';
import { buildChannelOptions, toGrpcTarget } from './search-grpc.options';

describe('toGrpcTarget', () => {
  it.each([
    ['127.0.0.1:50051', '127.0.0.1:50051'],
    ['localhost:50051', 'localhost:50051'],
    ['dns:///search-service:50051', 'dns:///search-service:50051'],
    ['ipv4:10.0.0.1:50051,10.0.0.2:50051', 'ipv4:10.0.0.1:50051,10.0.0.2:50051'],
    ['127.0.0.1:50051, 127.0.0.1:50052', 'ipv4:127.0.0.1:50051,127.0.0.1:50052'],
    ['[::1]:50051,[::1]:50052', 'ipv6:[::1]:50051,[::1]:50052'],
  ])('maps %s to %s', (url, target) => {
    expect(toGrpcTarget(url)).toBe(target);
  });

  it('refuses a list of host names, which no gRPC resolver balances', () => {
    expect(() => toGrpcTarget('search-1:50051,search-2:50051')).toThrow(/SEARCH_GRPC_URL/);
  });

  it('refuses a list mixing address families', () => {
    expect(() => toGrpcTarget('127.0.0.1:50051,[::1]:50051')).toThrow(/one family/);
  });
});

describe('buildChannelOptions', () => {
  const config = { tls: null } as SearchConfig;

  it('balances with round_robin and leaves retries to the policy', () => {
    const options = buildChannelOptions(config);
    expect(JSON.parse(String(options['grpc.service_config']))).toEqual({ loadBalancingConfig: [{ round_robin: {} }] });
    expect(options['grpc.enable_retries']).toBe(0);
  });

  it('overrides the TLS server name only when configured', () => {
    expect(buildChannelOptions(config)['grpc.ssl_target_name_override']).toBeUndefined();
    const tls = buildChannelOptions({ tls: { serverName: 'search.internal' } } as SearchConfig);
    expect(tls['grpc.ssl_target_name_override']).toBe('search.internal');
  });
});
