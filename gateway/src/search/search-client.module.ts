import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ClientsModule, GrpcOptions } from '@nestjs/microservices';
import { currentRequestScope } from '../observability/logging/request-id';
import { GatewayMetrics } from '../observability/metrics/gateway-metrics';
import { createGrpcClientInterceptor } from '../observability/metrics/grpc-client.interceptor';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { SEARCH_GRPC_CLIENT, buildSearchGrpcOptions } from './grpc/search-grpc.options';
import { JobEventsService } from './job-events.service';
import { PinCheckRecorder } from './pin-check.recorder';
import { SearchResiliencePolicy } from './resilience/search-resilience.policy';
import { SearchConfig, searchConfig } from './search.config';

const searchConfigFeature = ConfigModule.forFeature(searchConfig);

/** grpc-js takes client interceptors among the channel options Nest passes through. */
function withObservability(grpcOptions: GrpcOptions, metrics: GatewayMetrics): GrpcOptions {
  const interceptor = createGrpcClientInterceptor(metrics, currentRequestScope);
  const channelOptions = { ...grpcOptions.options.channelOptions, interceptors: [interceptor] };
  return { ...grpcOptions, options: { ...grpcOptions.options, channelOptions } };
}

/**
 * The gRPC connection to the search service and what rides on it: the resilient client, its
 * policy (one per process, so every caller shares one breaker) and the job event stream.
 */
@Module({
  imports: [
    searchConfigFeature,
    ClientsModule.registerAsync([
      {
        name: SEARCH_GRPC_CLIENT,
        imports: [searchConfigFeature],
        inject: [searchConfig.KEY, GatewayMetrics],
        useFactory: (config: SearchConfig, metrics: GatewayMetrics) =>
          withObservability(buildSearchGrpcOptions(config), metrics),
      },
    ]),
  ],
  providers: [
    {
      provide: SearchResiliencePolicy,
      inject: [searchConfig.KEY],
      useFactory: (config: SearchConfig) => new SearchResiliencePolicy(config),
    },
    SearchGrpcClient,
    JobEventsService,
    PinCheckRecorder,
  ],
  exports: [searchConfigFeature, SearchGrpcClient, SearchResiliencePolicy, JobEventsService, PinCheckRecorder],
})
export class SearchClientModule {}
