import { expect } from 'vitest';
import { type LiveTraffic, readLog, type ServerProcess } from './liveServer.js';

/** The operations the live-process tests send, written from API.md rather than taken from the SDK. */
export const OPS = {
  createProject: `mutation ($input: CreateProjectInput!) {
    createProject(input: $input) { __typename ... on CreateProjectSuccess { project { id } } ... on Error { code message } } }`,
  updateProject: `mutation ($input: UpdateProjectInput!) {
    updateProject(input: $input) { __typename ... on UpdateProjectSuccess { project { plan rateLimitPerMinute } } ... on Error { code message } } }`,
  createAdminSession: `mutation ($input: CreateAdminSessionInput!) {
    createAdminSession(input: $input) { __typename ... on CreateAdminSessionSuccess { token } ... on Error { code message } } }`,
  createApiToken: `mutation ($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenSuccess { token apiToken { id } usage { used limit } }
      ... on Error { code message } } }`,
  updateApiToken: `mutation ($input: UpdateApiTokenInput!) {
    updateApiToken(input: $input) { __typename ... on UpdateApiTokenSuccess { apiToken { allowedMethods } } ... on Error { code message } } }`,
  deleteApiToken: `mutation ($input: DeleteApiTokenInput!) {
    deleteApiToken(input: $input) { __typename ... on Error { code message } } }`,
  apiTokens: `{ apiTokens(first: 100) { totalCount usage { used limit } edges { node { id name lastUsedAt createdAt } } } }`,
  auditEvents: `{ auditEvents(first: 100) { totalCount edges { node { action apiTokenId apiTokenName } } } }`,
  /** A GET for an API token. */
  viewer: `{ viewer { kind apiToken { id name allowedMethods } } }`,
  /** A POST for an API token. */
  createCategory: `mutation ($input: CreateCategoryInput!) {
    createCategory(input: $input) { __typename ... on CreateCategorySuccess { category { id name } } ... on Error { code message } } }`,
  categories: `{ categories { id name } }`,
};

type Plan = 'FREE' | 'STANDARD' | 'PROFESSIONAL' | 'BUSINESS' | 'ENTERPRISE';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A new project (through the operator key) and an OWNER session for it. */
export async function provisionProject(
  traffic: LiveTraffic,
  server: ServerProcess,
  operatorKey: string,
  options: { name: string; plan: Plan; rateLimitPerMinute?: number },
): Promise<{ projectId: string; session: string }> {
  const created = await traffic.gql(server, OPS.createProject, { input: { name: options.name, plan: options.plan } }, operatorKey);
  expect(created.body.data?.createProject?.__typename, JSON.stringify(created.body)).toBe('CreateProjectSuccess');
  const projectId: string = created.body.data.createProject.project.id;
  if (options.rateLimitPerMinute !== undefined) {
    await updateProject(traffic, server, operatorKey, { id: projectId, rateLimitPerMinute: options.rateLimitPerMinute });
  }
  const session = await traffic.gql(
    server,
    OPS.createAdminSession,
    { input: { projectId, userId: 'reliability-owner', role: 'OWNER' } },
    operatorKey,
  );
  expect(session.body.data?.createAdminSession?.__typename, JSON.stringify(session.body)).toBe('CreateAdminSessionSuccess');
  return { projectId, session: session.body.data.createAdminSession.token };
}

export async function updateProject(
  traffic: LiveTraffic,
  server: ServerProcess,
  operatorKey: string,
  input: { id: string; plan?: Plan; rateLimitPerMinute?: number },
): Promise<void> {
  const updated = await traffic.gql(server, OPS.updateProject, { input }, operatorKey);
  expect(updated.body.data?.updateProject?.__typename, JSON.stringify(updated.body)).toBe('UpdateProjectSuccess');
}

export async function createApiToken(
  traffic: LiveTraffic,
  server: ServerProcess,
  session: string,
  name: string,
  allowedMethods: Method[],
): Promise<{ id: string; token: string }> {
  const created = await traffic.gql(server, OPS.createApiToken, { input: { name, allowedMethods } }, session);
  expect(created.body.data?.createApiToken?.__typename, JSON.stringify(created.body)).toBe('CreateApiTokenSuccess');
  return { id: created.body.data.createApiToken.apiToken.id, token: created.body.data.createApiToken.token };
}

export async function updateApiToken(
  traffic: LiveTraffic,
  server: ServerProcess,
  session: string,
  input: { id: string; allowedMethods: Method[] },
): Promise<void> {
  const updated = await traffic.gql(server, OPS.updateApiToken, { input }, session);
  expect(updated.body.data?.updateApiToken?.__typename, JSON.stringify(updated.body)).toBe('UpdateApiTokenSuccess');
}

export async function deleteApiToken(traffic: LiveTraffic, server: ServerProcess, session: string, id: string): Promise<void> {
  const deleted = await traffic.gql(server, OPS.deleteApiToken, { input: { id } }, session);
  expect(deleted.body.data?.deleteApiToken?.__typename, JSON.stringify(deleted.body)).toBe('DeleteApiTokenSuccess');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Each process wrote pino JSON lines only (apart from one dev banner), all with its pid; one
 * request line per request, with a unique reqId; every response the test got carries an
 * x-request-id that names its request line (same status); no issued API token anywhere.
 * Pino writes asynchronously, so a process killed with SIGKILL may lose its last lines: for
 * those named in `killed`, answered requests without a line are returned instead of failing.
 */
export function expectCleanLogs(traffic: LiveTraffic, processes: ServerProcess[], options: { killed?: string[] } = {}): string[] {
  const unlogged: string[] = [];
  for (const server of processes) {
    const log = readLog(server);
    expect(log.other, `output of ${server.name} that is not a pino line`).toEqual([]);
    expect(log.banners, `dev banners printed by ${server.name}`).toBe(1);
    expect(log.lines.filter((line) => line.pid !== server.pid), `lines of ${server.name} with another pid`).toEqual([]);
    const requests = log.lines.filter((line) => line.msg === 'request');
    expect(requests.filter((line) => typeof line.reqId !== 'string' || line.reqId === ''), `request lines of ${server.name} without reqId`).toEqual([]);
    const ids = requests.map((line) => line.reqId as string);
    expect(ids.length - new Set(ids).size, `request ids of ${server.name} used twice`).toBe(0);
    const byId = new Map(requests.map((line) => [line.reqId as string, line]));
    const responses = traffic.responses.filter((response) => response.server === server.name);
    const unmatched = responses.filter(
      (response) => !response.requestId || byId.get(response.requestId)?.status !== response.status,
    );
    if (options.killed?.includes(server.name)) {
      const mismatched = unmatched.filter((response) => !response.requestId || byId.has(response.requestId));
      expect(mismatched.map((response) => `${response.status} ${response.requestId}`), `responses of ${server.name} without x-request-id or with another status logged`).toEqual([]);
      unlogged.push(...unmatched.map((response) => `${server.name} ${response.status} ${response.requestId}`));
    } else {
      expect(unmatched.map((response) => `${response.status} ${response.requestId}`), `responses of ${server.name} without their request line`).toEqual([]);
    }
  }
  expect(traffic.issued.size).toBeGreaterThan(0);
  expect(traffic.leaks(processes), 'issued API tokens found in output or responses').toEqual([]);
  return unlogged;
}
