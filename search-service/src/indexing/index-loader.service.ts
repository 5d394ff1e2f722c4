import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { DocumentsRepository } from './documents.repository';
import { toEngineDocument } from './index-plan';

/** Rebuilds the in-memory engine from the documents table before any search runs, so no help from the gateway is needed. */
@Injectable()
export class IndexLoaderService implements OnModuleInit {
  private readonly logger = new Logger(IndexLoaderService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = performance.now();
    let loaded = 0;
    for await (const page of this.documents.liveDocumentPages()) {
      this.engine.upsert(page.map(toEngineDocument));
      loaded += page.length;
    }
    const elapsed = Math.round(performance.now() - started);
    this.logger.log(`Loaded ${loaded} documents into the search engine in ${elapsed} ms`);
  }
}
