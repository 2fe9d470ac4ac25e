import { gzipSync } from 'node:zlib';
import { imageRepository } from './sarif.js';

/** Body of GitHub's `POST /repos/{owner}/{repo}/code-scanning/sarifs`. */
export interface SarifUploadRequest {
  commit_sha: string;
  ref: string;
  /** The SARIF log, gzip-compressed then base64-encoded, as the API requires. */
  sarif: string;
  tool_name: string;
}

/**
 * A code-scanning category that stays the same from build to build of one image (tag and
 * digest dropped), so each image keeps its own alert set and new scans replace old ones.
 */
export function sarifCategory(target: string): string {
  const withoutDigest = target.split('@')[0] ?? target;
  const colon = withoutDigest.lastIndexOf(':');
  const repository = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
  return `aegis-scan/${imageRepository(repository) ? repository : repository.replace(/[^A-Za-z0-9._/-]/g, '-')}`;
}

export function sarifUploadRequest(sarifJson: string, commitSha: string, ref: string): SarifUploadRequest {
  return { commit_sha: commitSha, ref, sarif: gzipSync(Buffer.from(sarifJson, 'utf8')).toString('base64'), tool_name: 'Trivy' };
}
