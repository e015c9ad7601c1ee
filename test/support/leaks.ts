import { afterAll, expect } from 'vitest';

/**
 * Every API token a test file is issued, and everything the app said while it
 * ran (response bodies and headers, log lines). After the file, no token may
 * appear anywhere but in the one place it is handed out: a `token` field of a
 * create or reveal result.
 */
const issued = new Set<string>();
const said: string[] = [];
const TOKEN = /^kbg_[0-9A-Za-z]{38}$/;

export function recordLog(line: string): void {
  said.push(line);
}

/** Records a GraphQL response, taking the tokens it legitimately hands out and keeping the rest. */
export function recordResponse(body: unknown, headers: Headers): void {
  said.push(JSON.stringify(withoutIssuedTokens(body)), JSON.stringify([...headers]));
}

function withoutIssuedTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIssuedTokens);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === 'token' && typeof inner === 'string' && TOKEN.test(inner)) {
        issued.add(inner);
        return [key, '[issued]'];
      }
      return [key, withoutIssuedTokens(inner)];
    }),
  );
}

afterAll(() => {
  const leaks = [...issued].filter((token) => {
    const random = token.slice(4, 36);
    return said.some((text) => text.includes(token) || text.includes(random));
  });
  expect(leaks, 'issued tokens found in responses or logs').toEqual([]);
});
