import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  keepalive: boolean;
}

type Reply = Response | (() => Response) | Error;
type Route = (request: RecordedRequest) => Reply | undefined;

export function json(body: unknown, status = 200, contentType = 'application/json; charset=utf-8'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

export function problem(status: number, fields: Record<string, unknown>): Response {
  return json({ status, ...fields }, status, 'application/problem+json');
}

/**
 * Replaces the global fetch with a scripted server: routes are tried in order, the first that
 * answers wins. Every request is recorded for assertions. Unanswered requests fail the test loudly.
 */
export function fakeFetch(...routes: Route[]) {
  const requests: RecordedRequest[] = [];
  const mock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url: String(input),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      keepalive: init.keepalive ?? false,
    };
    requests.push(request);
    for (const route of routes) {
      const reply = route(request);
      if (reply === undefined) continue;
      if (reply instanceof Error) throw reply;
      return typeof reply === 'function' ? reply() : reply.clone();
    }
    throw new Error(`fakeFetch: no route for ${request.method} ${request.url}`);
  });
  vi.stubGlobal('fetch', mock);
  return { mock, requests };
}

export const on =
  (method: string, pattern: string | RegExp, reply: Reply | ((request: RecordedRequest) => Reply)): Route =>
  (request) => {
    const path = request.url.split('?')[0] ?? '';
    const matches = typeof pattern === 'string' ? path === pattern : pattern.test(path);
    if (request.method !== method || !matches) return undefined;
    return typeof reply === 'function' && reply.length === 1
      ? (reply as (r: RecordedRequest) => Reply)(request)
      : (reply as Reply);
  };
