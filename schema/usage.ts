import type { ApiTokenUsage } from '../server/plans.js';
import { builder } from './builder.js';

export const ApiTokenUsageRef = builder.objectRef<ApiTokenUsage>('ApiTokenUsage').implement({
  description: 'API tokens in use against the plan\'s limit, e.g. "75% - 6/8 tokens created".',
  fields: (t) => ({
    used: t.exposeInt('used'),
    limit: t.exposeInt('limit'),
    percent: t.exposeInt('percent', { description: 'round(100 * used / limit); 0 when the limit is 0' }),
    summary: t.exposeString('summary'),
  }),
});
