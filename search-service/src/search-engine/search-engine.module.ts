import { Global, Module } from '@nestjs/common';
import { createSearchEngine } from '@search/engine';
import { SEARCH_ENGINE } from './search-engine.token';

/** The single owner of the engine instance: indexing writes to it and the job workers query it. */
@Global()
@Module({
  providers: [{ provide: SEARCH_ENGINE, useFactory: createSearchEngine }],
  exports: [SEARCH_ENGINE],
})
export class SearchEngineModule {}
