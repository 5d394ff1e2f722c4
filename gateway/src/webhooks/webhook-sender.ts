import http from 'node:http';
import https from 'node:https';
import { checkUrlForm, isIpLiteral, pinnedLookup, refusedAddressReason, UrlPolicy } from './webhook-url.guard';

const MAX_RESPONSE_BYTES = 1024;

export interface SendResult {
  statusCode: number | null;
  body: string | null;
  error: string | null;
}

/**
 * POSTs the body once: the host is resolved through a lookup that refuses private addresses
 * (so the connection goes to a checked address), redirects are not followed, and at most 1 KB of the
 * response is kept.
 */
export function sendWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  policy: UrlPolicy,
  timeoutMs: number,
): Promise<SendResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = checkUrlForm(rawUrl, policy);
      // An IP literal is connected to without a lookup: check it here.
      const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      const reason = isIpLiteral(host) ? refusedAddressReason(host, policy, url.hostname) : null;
      if (reason) {
        throw new Error(`refused: ${reason}`);
      }
    } catch (error) {
      resolve({ statusCode: null, body: null, error: (error as Error).message });
      return;
    }
    const transport = url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (result: SendResult): void => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body).toString() },
        lookup: pinnedLookup(policy, url.hostname),
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < MAX_RESPONSE_BYTES) {
            chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - kept));
            kept += Math.min(chunk.length, MAX_RESPONSE_BYTES - kept);
          }
        });
        response.on('end', () =>
          finish({
            statusCode: response.statusCode ?? null,
            body: Buffer.concat(chunks).toString('utf8'),
            error: null,
          }),
        );
        response.on('error', (error) =>
          finish({ statusCode: response.statusCode ?? null, body: null, error: error.message }),
        );
      },
    );
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', (error) => finish({ statusCode: null, body: null, error: error.message }));
    request.on('close', () => clearTimeout(timer));
    request.end(body);
  });
}
