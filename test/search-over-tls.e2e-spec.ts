import { credentials } from '@grpc/grpc-js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, createVideo, register, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(60_000);

/** The gateway reaches a TLS-only search service when given the CA (SEARCH_GRPC_TLS_CA). */
describe('search over TLS', () => {
  const certDir = mkdtempSync(join(tmpdir(), 'gateway-tls-'));
  const certPath = join(certDir, 'cert.pem');
  const keyPath = join(certDir, 'key.pem');
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let user: ApiUser;

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        keyPath,
        '-out',
        certPath,
        '-days',
        '1',
        '-subj',
        '/CN=search.internal',
        '-addext',
        'subjectAltName=DNS:search.internal',
      ],
      { stdio: 'ignore' },
    );
    searchService = await startSearchService({
      env: { GRPC_TLS_CERT: certPath, GRPC_TLS_KEY: keyPath },
      clientCredentials: credentials.createSsl(readFileSync(certPath), null, null, {
        checkServerIdentity: () => undefined,
      }),
    });
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      // The certificate names search.internal, not the 127.0.0.1 the test dials.
      env: { SEARCH_GRPC_TLS_CA: certPath, SEARCH_GRPC_TLS_SERVER_NAME: 'search.internal' },
    });
    user = await register(gateway.url);
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
    rmSync(certDir, { recursive: true, force: true });
  });

  it('indexes and searches through the encrypted channel', async () => {
    const id = await createVideo(gateway.url, user, { title: 'Tidal pools at dawn' });
    await expect(
      waitFor('the video to be indexed over TLS', async () => {
        const ids = await searchIds(gateway.url, user, 'tidal');
        return ids?.length === 1 ? ids : undefined;
      }),
    ).resolves.toEqual([id]);
  });
});
