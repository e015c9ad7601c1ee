import type { Migration } from 'kysely';
import * as tokenCore from './2026_12_04_1600_token_core.js';
import * as knowledgeBase from './2026_12_04_1700_knowledge_base.js';
import * as rateLimits from './2026_12_04_1800_rate_limits.js';

/**
 * Every migration, by name; the names sort in the order they run. Listed
 * statically rather than read from the folder, so the same list works under
 * tsx, vitest and a bundled build. Add new ones at the end.
 */
export const migrations: Record<string, Migration> = {
  '2026_12_04_1600_token_core': tokenCore,
  '2026_12_04_1700_knowledge_base': knowledgeBase,
  '2026_12_04_1800_rate_limits': rateLimits,
};
