import { AegisError } from '../errors.js';
import { expectStatus, type Fetch, type HttpRequest, send } from './http.js';

export interface ReleaseRequest {
  /** `owner/repo` on GitHub, `group/sub/project` on GitLab. */
  repository: string;
  tag: string;
  name: string;
  notes: string;
  prerelease: boolean;
}

/**
 * The part of a forge the release stage needs. Kept small so `Forge` (src/platform/types.ts)
 * can grow the same two methods; until then the REST implementation below serves both forges.
 */
export interface ReleaseForge {
  readonly kind: 'github' | 'gitlab';
  /** The release's web URL, or undefined when the tag has no release yet. */
  findRelease(repository: string, tag: string): Promise<string | undefined>;
  /** Creates the release for an existing tag; returns its web URL. */
  createRelease(request: ReleaseRequest): Promise<string>;
}

export interface ForgeApi {
  kind: 'github' | 'gitlab';
  /** `https://api.github.com`, `https://gitlab.example.com/api/v4`. */
  apiUrl: string;
  token: string;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function githubRepo(repository: string): string {
  const parts = repository.split('/');
  if (parts.length !== 2 || parts.some((part) => !part))
    throw new AegisError(`GitHub repository must be 'owner/name', got ${JSON.stringify(repository)}.`);
  return parts.map(encodeURIComponent).join('/');
}

function headers(api: ForgeApi): Record<string, string> {
  return api.kind === 'github'
    ? {
        authorization: `Bearer ${api.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/json',
      }
    : { 'private-token': api.token, accept: 'application/json', 'content-type': 'application/json' };
}

export function findReleaseRequest(api: ForgeApi, repository: string, tag: string): HttpRequest {
  const url =
    api.kind === 'github'
      ? `${trimSlash(api.apiUrl)}/repos/${githubRepo(repository)}/releases/tags/${encodeURIComponent(tag)}`
      : `${trimSlash(api.apiUrl)}/projects/${encodeURIComponent(repository)}/releases/${encodeURIComponent(tag)}`;
  return { method: 'GET', url, headers: headers(api) };
}

export function createReleaseRequest(api: ForgeApi, request: ReleaseRequest): HttpRequest {
  if (api.kind === 'github') {
    return {
      method: 'POST',
      url: `${trimSlash(api.apiUrl)}/repos/${githubRepo(request.repository)}/releases`,
      headers: headers(api),
      body: JSON.stringify({ tag_name: request.tag, name: request.name, body: request.notes, prerelease: request.prerelease }),
    };
  }
  // GitLab has no prerelease flag; upcoming_release is about dates, so the name says it.
  return {
    method: 'POST',
    url: `${trimSlash(api.apiUrl)}/projects/${encodeURIComponent(request.repository)}/releases`,
    headers: headers(api),
    body: JSON.stringify({ tag_name: request.tag, name: request.name, description: request.notes }),
  };
}

function webUrl(kind: 'github' | 'gitlab', body: string): string {
  const parsed = JSON.parse(body) as { html_url?: string; _links?: { self?: string } };
  return (kind === 'github' ? parsed.html_url : parsed._links?.self) ?? '';
}

/** GitHub Releases / GitLab Releases over plain REST. */
export function restReleaseForge(api: ForgeApi, fetchImpl: Fetch = fetch): ReleaseForge {
  const what = `${api.kind === 'github' ? 'GitHub' : 'GitLab'} API ${api.apiUrl}`;
  return {
    kind: api.kind,
    async findRelease(repository, tag) {
      const response = await send(findReleaseRequest(api, repository, tag), what, fetchImpl);
      if (response.status === 404) return undefined;
      expectStatus(response, [200], `${what} (release ${tag})`);
      return webUrl(api.kind, response.body);
    },
    async createRelease(request) {
      const response = await send(createReleaseRequest(api, request), what, fetchImpl);
      expectStatus(response, [200, 201], `${what} (create release ${request.tag})`);
      return webUrl(api.kind, response.body);
    },
  };
}
