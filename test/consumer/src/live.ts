// Runs the SDK against a live server: KBGATE_URL (the /graphql endpoint) and KBGATE_OPERATOR_KEY.
// Prints one "ok" line per check; exits 1 at the first mismatch.
import { AuthenticationError, type Client, createClient, ForbiddenError, KbgateError, ViewerDocument } from '@kbgate/sdk';

const url = required('KBGATE_URL');
const operatorKey = required('KBGATE_OPERATOR_KEY');
let checks = 0;

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

function check(condition: unknown, what: string, detail?: unknown): asserts condition {
  if (!condition) {
    console.error(`not ok - ${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
    process.exit(1);
  }
  checks += 1;
  console.log(`ok - ${what}`);
}

/** Runs `action`, which must throw an instance of `type`; returns that error. */
async function rejects<T extends Error>(action: () => Promise<unknown>, type: new (...args: any[]) => T, what: string): Promise<T> {
  try {
    const value = await action();
    check(false, what, { resolved: value });
  } catch (error) {
    check(error instanceof type, what, error instanceof Error ? `${error.name}: ${error.message}` : error);
    return error;
  }
  throw new Error('unreachable');
}

async function main(): Promise<void> {
  const operator = createClient({ url, credential: operatorKey });
  const operatorViewer = await operator.viewer();
  check(operatorViewer.kind === 'OPERATOR', 'the operator key is seen as OPERATOR', operatorViewer);

  const created = await operator.createProject({ name: 'SDK consumer', plan: 'BUSINESS' });
  check(created.__typename === 'CreateProjectSuccess', 'operator creates a project', created);
  const project = created.project;
  check(project.apiTokenUsage.summary === '0% - 0/8 tokens created', 'a new BUSINESS project has 8 tokens to use', project.apiTokenUsage);

  const invalid = await operator.createProject({ name: '', plan: 'BUSINESS', apiTokenLimit: 5000 });
  check(invalid.__typename === 'ValidationError' && invalid.fieldErrors.length > 0, 'a bad project input comes back as a ValidationError', invalid);

  const updated = await operator.updateProject({ id: project.id, apiTokenLimit: 3 });
  check(updated.__typename === 'UpdateProjectSuccess' && updated.project.apiTokenLimit === 3, 'operator lowers the token limit', updated);

  const projects = await operator.projects({ first: 50 });
  check(projects.edges.some((edge) => edge.node.id === project.id), 'operator lists the project', projects.totalCount);

  const session = await operator.createAdminSession({ projectId: project.id, userId: 'sdk-admin', role: 'OWNER' });
  check(session.__typename === 'CreateAdminSessionSuccess' && !Number.isNaN(Date.parse(session.expiresAt)), 'operator issues an admin session', session.__typename);
  const admin = createClient({ url, credential: session.token });

  const adminViewer = await admin.viewer();
  check(adminViewer.kind === 'ADMIN' && adminViewer.userId === 'sdk-admin' && adminViewer.role === 'OWNER', 'the session is seen as ADMIN / OWNER', adminViewer);
  const ownProject = await admin.project();
  check(ownProject?.id === project.id, "the admin's project is the new one", ownProject);

  const issued = await admin.createApiToken({ name: 'Sync job', allowedMethods: ['POST', 'GET'] });
  check(issued.__typename === 'CreateApiTokenSuccess', 'admin creates a token', issued.__typename);
  const { apiToken, token: secret } = issued;
  check(/^kbg_[0-9A-Za-z]{38}$/.test(secret), 'the secret has the kbg_ form');
  check(apiToken.allowedMethods.join() === 'GET,POST' && apiToken.driveAssetAccessValidityMinutes === 15, 'methods are ordered and the validity defaults to 15', apiToken);
  check(apiToken.createdBy === 'sdk-admin' && issued.usage.used === 1, 'the token records its creator and uses one of the limit', issued.usage);

  const duplicate = await admin.createApiToken({ name: 'sync JOB', allowedMethods: ['GET'] });
  check(duplicate.__typename === 'NameTakenError' && duplicate.code === 'NAME_TAKEN', 'a duplicate name is returned as NameTakenError, not thrown', duplicate);

  const list = await admin.apiTokens({ first: 10 });
  check(list.totalCount === 1 && list.edges[0]?.node.id === apiToken.id && list.usage.used === 1, 'admin lists the one token', list);

  const renamed = await admin.updateApiToken({ id: apiToken.id, name: 'Reader', allowedMethods: ['GET'] });
  check(renamed.__typename === 'UpdateApiTokenSuccess' && renamed.apiToken.name === 'Reader' && renamed.apiToken.allowedMethods.join() === 'GET', 'admin renames the token and narrows it to GET', renamed);

  const revealed = await admin.revealApiToken({ id: apiToken.id });
  check(revealed.__typename === 'RevealApiTokenSuccess' && revealed.token === secret, 'reveal gives back the same secret', revealed.__typename);

  const fetched = await admin.apiToken({ id: apiToken.id });
  check(fetched?.name === 'Reader', 'admin reads the token by id', fetched);

  const integrator: Client = createClient({ url, credential: secret });
  const tokenViewer = await integrator.viewer();
  check(tokenViewer.kind === 'API_TOKEN' && tokenViewer.apiToken?.name === 'Reader' && tokenViewer.allowedMethods?.join() === 'GET', 'the token sees itself in viewer', tokenViewer);
  const generic = await integrator.request(ViewerDocument);
  check(generic.viewer.apiToken?.id === apiToken.id, 'client.request runs a generated document', generic.viewer.apiToken);

  const forbidden = await rejects(() => integrator.apiTokens(), ForbiddenError, 'an API token may not list tokens: ForbiddenError');
  check(forbidden instanceof KbgateError && !forbidden.message.includes(secret), 'the ForbiddenError does not carry the token', forbidden.message);

  const deleted = await admin.deleteApiToken({ id: apiToken.id });
  check(deleted.__typename === 'DeleteApiTokenSuccess' && deleted.deletedId === apiToken.id && deleted.usage.used === 0, 'admin deletes the token', deleted);
  const again = await admin.deleteApiToken({ id: apiToken.id });
  check(again.__typename === 'NotFoundError', 'deleting it again is a NotFoundError', again);
  check((await admin.apiToken({ id: apiToken.id })) === null, 'the deleted token is gone');

  const revoked = await rejects(() => integrator.viewer(), AuthenticationError, 'the deleted token no longer authenticates: AuthenticationError');
  check(revoked.status === 401 && !revoked.message.includes(secret), 'HTTP 401, and the message does not carry the token', revoked.message);

  const badCredential = 'kbg_ThisIsNotARealTokenAtAll0123456789abc';
  const bad = createClient({ url, credential: badCredential });
  const refused = await rejects(() => bad.viewer(), AuthenticationError, 'a bad credential throws AuthenticationError');
  check(!refused.message.includes(badCredential) && !JSON.stringify(refused.errors).includes(badCredential), 'the error does not carry the bad credential', refused.message);

  console.log(`sdk consumer: all ${checks} checks passed`);
}

main().catch((error: unknown) => {
  console.error('not ok - unexpected error:', error);
  process.exit(1);
});
