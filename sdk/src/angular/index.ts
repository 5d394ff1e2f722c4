/**
 * @video-search/sdk/angular: the same API as the package's root, generated from the same OpenAPI document for
 * Angular's HttpClient (`npm run sdk:generate`). Each `…Request()` builder answers an `HttpRequest` for
 * `HttpClient.request()`, so an app's interceptors, cancellation and `HttpTestingController` apply to it.
 * Register the client once with `provideHeyApiClient(client)`.
 */
export * from './generated/@angular/common.gen';
export { client } from './generated/client.gen';
export { provideHeyApiClient } from './generated/client/client.gen';
export type * from './generated/types.gen';
