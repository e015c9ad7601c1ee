// Runs the SDK against a live server: KBGATE_URL (the /graphql endpoint) and KBGATE_OPERATOR_KEY.
// Prints one "ok" line per check; exits 1 at the first mismatch.
import {
  AuthenticationError,
  type Client,
  createClient,
  DriveLinkError,
  fetchDriveAsset,
  ForbiddenError,
  KbgateError,
  ViewerDocument,
} from '@kbgate/sdk';

/** A valid 1×1 PNG, so the server's content sniffing agrees with image/png. */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

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
  const audit = await admin.auditEvents({ first: 1 });
  const newest = audit.edges[0]?.node;
  check(
    newest?.action === 'api_token.delete' && newest.apiTokenId === apiToken.id && newest.actorKind === 'ADMIN',
    'the audit log shows the deletion first',
    newest,
  );

  const revoked = await rejects(() => integrator.viewer(), AuthenticationError, 'the deleted token no longer authenticates: AuthenticationError');
  check(revoked.status === 401 && !revoked.message.includes(secret), 'HTTP 401, and the message does not carry the token', revoked.message);

  const badCredential = 'kbg_ThisIsNotARealTokenAtAll0123456789abc';
  const bad = createClient({ url, credential: badCredential });
  const refused = await rejects(() => bad.viewer(), AuthenticationError, 'a bad credential throws AuthenticationError');
  check(!refused.message.includes(badCredential) && !JSON.stringify(refused.errors).includes(badCredential), 'the error does not carry the bad credential', refused.message);

  await knowledgeBase(admin);

  console.log(`sdk consumer: all ${checks} checks passed`);
}

/** The knowledge-base API through a token with GET and POST. */
async function knowledgeBase(admin: Client): Promise<void> {
  const issued = await admin.createApiToken({ name: 'Knowledge base', allowedMethods: ['GET', 'POST'], driveAssetAccessValidityMinutes: 30 });
  check(issued.__typename === 'CreateApiTokenSuccess', 'admin creates a GET+POST token for the knowledge base', issued.__typename);
  const kb = createClient({ url, credential: issued.token });

  const guides = await kb.createCategory({ name: 'Guides' });
  check(guides.__typename === 'CreateCategorySuccess' && guides.category.slug === 'guides' && guides.category.parent === null, 'the token creates a top-level category', guides);
  const setup = await kb.createCategory({ name: 'Getting started', parentId: guides.category.id });
  check(setup.__typename === 'CreateCategorySuccess' && setup.category.parent?.id === guides.category.id, 'and a subcategory under it', setup);
  const blank = await kb.createCategory({ name: '   ' });
  check(blank.__typename === 'ValidationError' && blank.fieldErrors.some((e) => e.path.join('.') === 'name'), 'a blank name comes back as a ValidationError on name', blank);

  const before = Date.now();
  const uploaded = await kb.uploadDriveAsset({ file: new File([PNG], 'pixel.png', { type: 'image/png' }) });
  check(uploaded.__typename === 'UploadDriveAssetSuccess', 'the token uploads a File as a multipart request', uploaded);
  const asset = uploaded.driveAsset;
  check(asset.fileName === 'pixel.png' && asset.contentType === 'image/png' && asset.byteSize === PNG.byteLength, 'the asset keeps its name, type and size', asset);
  const validity = Date.parse(asset.urlExpiresAt) - before;
  check(validity > 29 * 60_000 && validity <= 31 * 60_000, "the link lasts the token's 30 minutes", asset.urlExpiresAt);
  const notes = await kb.uploadDriveAsset({ file: new TextEncoder().encode('plain notes\n'), fileName: 'notes.txt', contentType: 'text/plain' });
  check(notes.__typename === 'UploadDriveAssetSuccess' && notes.driveAsset.fileName === 'notes.txt' && notes.driveAsset.byteSize === 12, 'bytes upload with a file name', notes);

  const article = await kb.createArticle({
    title: 'Install the CLI',
    content: '# Install\n\n![pixel](pixel.png)\n',
    categoryId: setup.category.id,
    tags: ['Setup', 'cli'],
    status: 'PUBLISHED',
    assetIds: [asset.id],
  });
  check(article.__typename === 'CreateArticleSuccess', 'the token creates a published article with the asset', article);
  const { article: published } = article;
  check(published.slug === 'install-the-cli' && published.tags.includes('setup') && published.assets[0]?.id === asset.id, 'the article has its slug, lower-cased tags and the asset', published);
  const draft = await kb.createArticle({ title: 'Upgrade notes', content: 'soon', categoryId: setup.category.id, tags: ['cli'] });
  check(draft.__typename === 'CreateArticleSuccess' && draft.article.status === 'DRAFT', 'an article is a DRAFT by default', draft);

  const listed = await kb.articles({ categoryId: setup.category.id, status: 'PUBLISHED', first: 10 });
  check(listed.edges.length === 1 && listed.edges[0]?.node.id === published.id, 'articles(categoryId, status: PUBLISHED) lists only the published one', listed.edges.map((e) => e.node.slug));
  const tagged = await kb.articles({ tag: 'CLI', first: 10 });
  check(tagged.edges.length === 2, 'articles(tag) matches the tag case-insensitively', tagged.edges.map((e) => e.node.slug));
  const firstPage = await kb.articles({ categoryId: setup.category.id, first: 1 });
  const secondPage = await kb.articles({ categoryId: setup.category.id, first: 1, after: firstPage.pageInfo.endCursor });
  check(firstPage.pageInfo.hasNextPage && secondPage.edges.length === 1 && secondPage.edges[0]?.node.id !== firstPage.edges[0]?.node.id, 'articles pages on with after', [firstPage.pageInfo, secondPage.pageInfo]);
  const category = await kb.category({ id: guides.category.id, first: 5 });
  check(category?.children.length === 1 && category.children[0]?.id === setup.category.id && category.articles.edges.length === 0, 'category() has its children and its own (no) articles', category);
  const tags = await kb.tags();
  check(tags.some((tag) => tag.name === 'cli' && tag.articleCount === 2), 'tags() counts the articles per tag', tags);
  const fetched = await kb.article({ id: published.id });
  check(fetched?.assets[0]?.url !== undefined && fetched.category.id === setup.category.id, 'article(id) reads it back', fetched?.id);

  const download = await kb.downloadDriveAsset(fetched.assets[0]!);
  check(download.contentType === 'image/png' && download.bytes.length === PNG.length && download.bytes.every((b, i) => b === PNG[i]), "following the asset's url gives back the same bytes", download.contentType);
  const standalone = await fetchDriveAsset(fetched.assets[0]!.url);
  check(standalone.fileName === 'pixel.png', 'fetchDriveAsset works without a client', standalone.fileName);
  const altered = fetched.assets[0]!.url.replace(/expires=\d+/, (m) => `${m.slice(0, -1)}${m.endsWith('9') ? '8' : '9'}`);
  const refused = await rejects(() => fetchDriveAsset(altered), DriveLinkError, 'an altered link throws DriveLinkError');
  check(refused.status === 403 && refused.reason === 'INVALID_OR_EXPIRED' && !refused.message.includes('signature='), 'HTTP 403, INVALID_OR_EXPIRED, no signature in the message', refused.message);

  const forbidden = await rejects(() => kb.deleteArticle({ id: published.id }), ForbiddenError, 'a GET+POST token may not deleteArticle: ForbiddenError');
  check(forbidden.requiredMethod === 'DELETE', "the ForbiddenError's requiredMethod is DELETE", forbidden.requiredMethod);
  const put = await rejects(() => kb.updateArticle({ id: published.id, title: 'Renamed' }), ForbiddenError, 'nor updateArticle');
  check(put.requiredMethod === 'PUT', 'requiredMethod PUT for updateArticle', put.requiredMethod);
  check((await kb.article({ id: published.id }))?.title === 'Install the CLI', 'the refused calls changed nothing');

  const notEmpty = await admin.deleteCategory({ id: setup.category.id });
  check(notEmpty.__typename === 'CategoryNotEmptyError' && notEmpty.articleCount === 2 && notEmpty.childCount === 0, 'deleting a category with articles is a CategoryNotEmptyError', notEmpty);
  const removed = await admin.deleteDriveAsset({ id: asset.id });
  check(removed.__typename === 'DeleteDriveAssetSuccess', 'admin deletes the asset', removed);
  const gone = await rejects(() => kb.downloadDriveAsset(asset), DriveLinkError, 'its link then throws DriveLinkError');
  check(gone.status === 404 && gone.reason === 'NOT_FOUND', 'HTTP 404, NOT_FOUND', gone.status);
}

main().catch((error: unknown) => {
  console.error('not ok - unexpected error:', error);
  process.exit(1);
});
