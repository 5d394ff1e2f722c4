import { credentials, status } from '@grpc/grpc-js';
import { HealthCheckResponse_ServingStatus as ServingStatus } from '@proto/gen/ts/grpc/health/v1/health';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClients, tokenMetadata, unary } from './support/grpc-clients';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

jest.setTimeout(60000);

describe('optional TLS (built process)', () => {
  const certDir = mkdtempSync(join(tmpdir(), 'search-tls-'));
  const certPath = join(certDir, 'cert.pem');
  const keyPath = join(certDir, 'key.pem');
  let service: RunningSearchService;
  let trusted: ReturnType<typeof credentials.createSsl>;

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
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    trusted = credentials.createSsl(readFileSync(certPath));
    service = await startSearchService({
      env: { GRPC_TLS_CERT: certPath, GRPC_TLS_KEY: keyPath },
      clientCredentials: trusted,
    });
  });

  afterAll(async () => {
    await service?.stop();
    if (service) {
      await removeSearchServiceData(service.dataDir);
    }
    rmSync(certDir, { recursive: true, force: true });
  });

  it('serves health and token-guarded calls over TLS', async () => {
    const clients = createClients(service.url, trusted);
    try {
      await expect(unary(clients.health, 'check', {})).resolves.toEqual({ status: ServingStatus.SERVING });
      await expect(unary(clients.index, 'getIndexStats', {}, tokenMetadata(service.token))).resolves.toMatchObject({
        documents: 0,
      });
    } finally {
      clients.close();
    }
  });

  it('refuses plaintext clients', async () => {
    const clients = createClients(service.url);
    try {
      await expect(unary(clients.health, 'check', {}, undefined, 2000)).rejects.toMatchObject({
        code: status.UNAVAILABLE,
      });
    } finally {
      clients.close();
    }
  });
});
