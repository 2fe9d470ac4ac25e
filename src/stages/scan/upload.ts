import { AegisError } from '../../core/errors.js';
import type { SarifUploadRequest } from '../../core/scan/upload.js';

/** Where SARIF goes. GitHub code scanning today; kept behind this seam so the platform forge can take it over. */
export interface SarifUploader {
  upload(request: SarifUploadRequest): Promise<{ id: string; url?: string }>;
}

/** GitHub's REST endpoint; the token travels in a header, never in the URL or logs. */
export function githubSarifUploader(apiUrl: string, repository: string, token: string, fetchImpl: typeof fetch = fetch): SarifUploader {
  return {
    async upload(request) {
      const url = `${apiUrl.replace(/\/$/, '')}/repos/${repository}/code-scanning/sarifs`;
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'x-github-api-version': '2022-11-28',
        },
        body: JSON.stringify(request),
      });
      const text = await response.text();
      if (!response.ok) throw new AegisError(`SARIF upload to ${url} failed: HTTP ${response.status} ${text.slice(0, 300)}`);
      const body = JSON.parse(text || '{}') as { id?: string; url?: string };
      return { id: body.id ?? '', ...(body.url ? { url: body.url } : {}) };
    },
  };
}
