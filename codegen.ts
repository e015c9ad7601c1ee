import { createRequire } from 'node:module';
import type { CodegenConfig } from '@graphql-codegen/cli';

type CodegenPlugin = Awaited<ReturnType<NonNullable<CodegenConfig['pluginLoader']>>>;

const require = createRequire(`${process.cwd()}/codegen.ts`);

// String-mode documents import this one type from @graphql-typed-document-node/core, whose typings
// need graphql's; declaring it in the generated file instead keeps the SDK free of dependencies.
const DECORATION_IMPORT = "import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';";
const DECORATION_DECLARATION = `/** Types a document with its result and variables, as @graphql-typed-document-node/core does. */
export interface DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: (variables: TVariables) => TResult;
}`;

function withOwnDecoration(typedDocumentNode: CodegenPlugin): CodegenPlugin {
  return {
    ...typedDocumentNode,
    async plugin(...args) {
      const output = await typedDocumentNode.plugin(...args);
      if (typeof output === 'string' || !output.prepend?.includes(DECORATION_IMPORT)) {
        throw new Error('typed-document-node no longer imports DocumentTypeDecoration as codegen.ts expects');
      }
      return {
        ...output,
        prepend: output.prepend.filter((line) => line !== DECORATION_IMPORT),
        content: `${DECORATION_DECLARATION}\n${output.content}`,
      };
    },
  };
}

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'sdk/operations/*.graphql',
  pluginLoader: (name) => {
    const plugin: CodegenPlugin = require(name);
    return name === '@graphql-codegen/typed-document-node' ? withOwnDecoration(plugin) : plugin;
  },
  generates: {
    'sdk/src/_generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // Documents are plain strings at run time, so the SDK needs no graphql package.
        documentMode: 'string',
        enumType: 'string-literal',
        // An unmapped custom scalar fails the generation instead of becoming `any`.
        strictScalars: true,
        scalars: {
          ID: 'string',
          // JSON carries date-times as ISO 8601 strings.
          DateTime: 'string',
          // Only ever an input, sent as a part of a multipart request: a Blob or File.
          File: { input: '../upload.js#BlobLike', output: 'never' },
        },
        useTypeImports: true,
      },
    },
  },
};

export default config;
