import { FileTooLargeError, NotFoundError } from '../server/errors.js';
import type { DriveAsset } from '../server/services/model.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { keysetConnection } from './pagination.js';
import { deletedPayload, payload, requireId } from './payloads.js';

/** One link per asset object, so `url` and `urlExpiresAt` always agree within a response. */
const links = new WeakMap<DriveAsset, { url: string; expiresAt: Date }>();

export const DriveAssetRef = builder.objectRef<DriveAsset>('DriveAsset');

builder.node(DriveAssetRef, {
  id: { resolve: (asset) => asset.id },
  description: 'An uploaded file. `url` is a signed link that needs no other credential.',
  fields: (t) => {
    const link = (asset: DriveAsset, { services, principal }: Parameters<Parameters<typeof t.field>[0]['resolve']>[2]) => {
      let issued = links.get(asset);
      if (!issued) {
        issued = services.driveAssets.link(asset, principal!);
        links.set(asset, issued);
      }
      return issued;
    };
    return {
      fileName: t.exposeString('fileName'),
      contentType: t.exposeString('contentType'),
      byteSize: t.exposeInt('byteSize'),
      url: t.string({
        description: "Valid for the requesting token's driveAssetAccessValidityMinutes (15 minutes for an admin session).",
        resolve: (asset, _args, context) => link(asset, context).url,
      }),
      urlExpiresAt: t.field({
        type: 'DateTime',
        resolve: (asset, _args, context) => link(asset, context).expiresAt,
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
    };
  },
});

builder.queryFields((t) => ({
  driveAssets: t.connection(
    {
      type: DriveAssetRef,
      description: 'Uploaded files, newest first.',
      authScopes: { method: 'GET' },
      resolve: (_root, args, { services, projectId }) =>
        keysetConnection(args, (page) => services.driveAssets.list(projectId(), page)),
    },
    { name: 'DriveAssetConnection' },
    { name: 'DriveAssetEdge' },
  ),
  driveAsset: t.field({
    type: DriveAssetRef,
    nullable: true,
    authScopes: { method: 'GET' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services, projectId }) => {
      const local = localId(String(id), 'DriveAsset');
      return local ? services.driveAssets.get(projectId(), local) : null;
    },
  }),
}));

const UploadDriveAssetInput = builder.inputType('UploadDriveAssetInput', {
  fields: (t) => ({ file: t.field({ type: 'File', required: true }) }),
});

const DeleteDriveAssetInput = builder.inputType('DeleteDriveAssetInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationFields((t) => ({
  uploadDriveAsset: t.field({
    type: payload('UploadDriveAssetSuccess', 'driveAsset', DriveAssetRef),
    description: 'Upload with a GraphQL multipart request (and the x-graphql-yoga-csrf header).',
    authScopes: { method: 'POST' },
    args: { input: t.arg({ type: UploadDriveAssetInput, required: true }) },
    errors: { types: [FileTooLargeError], directResult: true, union: { name: 'UploadDriveAssetResult' } },
    resolve: (_root, { input }, { services, projectId }) => services.driveAssets.upload(projectId(), input.file),
  }),
  deleteDriveAsset: t.field({
    type: deletedPayload('DeleteDriveAssetSuccess', 'DriveAsset'),
    authScopes: { method: 'DELETE' },
    args: { input: t.arg({ type: DeleteDriveAssetInput, required: true }) },
    errors: { types: [NotFoundError], directResult: true, union: { name: 'DeleteDriveAssetResult' } },
    resolve: async (_root, { input }, { services, projectId }) => ({
      deletedId: await services.driveAssets.delete(projectId(), requireId(input.id, 'DriveAsset', 'Drive asset')),
    }),
  }),
}));
