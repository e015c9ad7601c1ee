import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';

/**
 * Rejects abusive documents during validation, before any resolver runs
 * (graphql-armor; max-depth ≥ 2.4.2 skips only a *field* named __schema, so
 * an operation or fragment named so is measured like any other). Production
 * also hides the schema: no introspection (suggestions: useErrorHygiene).
 */
export function graphqlLimits(limits: Limits, production: boolean): Plugin[] {
  const plugins: Plugin[] = [
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true }),
    maxAliasesPlugin({ n: limits.maxAliases }),
    maxDirectivesPlugin({ n: limits.maxDirectives }),
    maxTokensPlugin({ n: limits.maxTokens }),
    costLimitPlugin({ maxCost: limits.maxCost }),
  ];
  if (production) plugins.push(useDisableIntrospection());
  return plugins;
}
