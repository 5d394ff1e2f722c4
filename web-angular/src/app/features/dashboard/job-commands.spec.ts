import { curlCommand, grpcurlCommand, restSearchBody, shellQuote } from './job-commands';

const job = {
  query: "chef's pasta",
  algorithm: 'fuzzy',
  filters: { video_ids: [4, 9], min_duration: 60, tags: [], tags_not: ['ads'], created_after: '' },
  explain: true,
};

describe('job commands', () => {
  it('quotes single quotes for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('builds the REST body with video_ids beside the non-empty filters', () => {
    expect(restSearchBody(job)).toEqual({
      query: "chef's pasta",
      algorithm: 'fuzzy',
      video_ids: [4, 9],
      filters: { min_duration: 60, tags_not: ['ads'] },
      explain: true,
    });
  });

  it('leaves out filters and explain when the job had none', () => {
    expect(restSearchBody({ query: 'pasta', algorithm: '', filters: null })).toEqual({ query: 'pasta' });
  });

  it('builds a curl POST to the user search path with a token placeholder', () => {
    const command = curlCommand(job, 7, 'http://localhost:3000');
    expect(command).toContain(`curl -X POST 'http://localhost:3000/api/v1/users/7/search'`);
    expect(command).toContain(`-H 'Authorization: Bearer $TOKEN'`);
    expect(command).toContain(`"query":"chef'\\''s pasta"`);
    expect(command).toContain('"video_ids":[4,9]');
  });

  it('builds a grpcurl Search call with the owner and the filters', () => {
    const command = grpcurlCommand(job, 7);
    expect(command).toContain('grpcurl -plaintext');
    expect(command).toContain('x-service-token: $SERVICE_TOKEN');
    expect(command).toContain('"owner_id":7');
    expect(command).toContain('"filters":{"video_ids":[4,9],"min_duration":60,"tags_not":["ads"]}');
    expect(command).toContain('"wait_ms":2000');
    expect(command.endsWith('localhost:50051 videosearch.search.v1.SearchService/Search')).toBe(true);
  });
});
