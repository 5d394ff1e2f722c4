import { SearchMetrics } from './search-metrics';

describe(SearchMetrics.name, () => {
  it('registers the documented metric names, default process metrics included', async () => {
    const names = (await new SearchMetrics().registry.getMetricsAsJSON()).map((metric) => metric.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'grpc_server_handled_total',
        'grpc_server_handling_seconds',
        'search_job_duration_seconds',
        'search_jobs_queued',
        'search_jobs_processing',
        'search_workers_busy',
        'search_index_documents',
        'search_index_owners',
        'search_index_vocabulary_terms',
        'process_resident_memory_bytes',
      ]),
    );
  });

  it('counts handled calls by method and code, and times jobs by outcome', async () => {
    const metrics = new SearchMetrics();
    metrics.observeCall('SearchService/GetJob', 'NOT_FOUND', 0.002);
    metrics.observeJob('completed', 0.3);
    const text = await metrics.registry.metrics();
    expect(text).toContain('grpc_server_handled_total{method="SearchService/GetJob",code="NOT_FOUND"} 1');
    expect(text).toContain('search_job_duration_seconds_bucket{le="0.5",status="completed"} 1');
  });

  it('reads queue and index gauges at scrape time', async () => {
    const metrics = new SearchMetrics();
    metrics.useSources({
      jobCounts: () => Promise.resolve({ queued: 4, processing: 2 }),
      activeWorkers: () => 2,
      index: () => ({ documents: 100, owners: 3, vocabularySize: 950 }),
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('search_jobs_queued 4');
    expect(text).toContain('search_jobs_processing 2');
    expect(text).toContain('search_workers_busy 2');
    expect(text).toContain('search_index_documents 100');
    expect(text).toContain('search_index_vocabulary_terms 950');
  });
});
