import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { DocumentsRepository } from './documents.repository';
import { toEngineDocument } from './index-plan';
import { IndexSnapshotService } from './index-snapshot.service';

/**
 * Fills the in-memory engine before any search runs, so no help from the gateway is needed: from the snapshot plus
 * the rows changed since when there is a usable one, else by analysing every document of the table.
 */
@Injectable()
export class IndexLoaderService implements OnModuleInit {
  private readonly logger = new Logger(IndexLoaderService.name);

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly snapshots: IndexSnapshotService,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = performance.now();
    const restored = await this.snapshots.restore();
    if (restored) {
      const elapsed = Math.round(performance.now() - started);
      this.logger.log(
        `Restored ${restored.documents} documents from the index snapshot and replayed ${restored.replayed} changes since ${restored.mark} in ${elapsed} ms`,
      );
      return;
    }
    let loaded = 0;
    for await (const page of this.documents.liveDocumentPages()) {
      this.engine.upsert(page.map(toEngineDocument));
      loaded += page.length;
    }
    const elapsed = Math.round(performance.now() - started);
    this.logger.log(`Loaded ${loaded} documents into the search engine in ${elapsed} ms (full load)`);
  }
}
