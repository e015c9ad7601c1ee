import type { Plan } from './db/database.js';

export const PLANS = ['FREE', 'STANDARD', 'PROFESSIONAL', 'BUSINESS', 'ENTERPRISE'] as const;

interface PlanFeatures {
  apiTokenLimit: number;
  rateLimitPerMinute: number;
}

const FEATURES: Record<Plan, PlanFeatures> = {
  FREE: { apiTokenLimit: 0, rateLimitPerMinute: 0 },
  STANDARD: { apiTokenLimit: 0, rateLimitPerMinute: 0 },
  PROFESSIONAL: { apiTokenLimit: 0, rateLimitPerMinute: 0 },
  BUSINESS: { apiTokenLimit: 8, rateLimitPerMinute: 60 },
  ENTERPRISE: { apiTokenLimit: 20, rateLimitPerMinute: 100 },
};

/** Tokens of a project on any other plan are kept but do not authenticate. */
export function planIncludesApiTokens(plan: Plan): boolean {
  return FEATURES[plan].apiTokenLimit > 0;
}

export function apiTokenLimit(plan: Plan, override: number | null): number {
  return planIncludesApiTokens(plan) ? (override ?? FEATURES[plan].apiTokenLimit) : 0;
}

export function rateLimitPerMinute(plan: Plan, override: number | null): number {
  return override ?? FEATURES[plan].rateLimitPerMinute;
}

export interface ApiTokenUsage {
  used: number;
  limit: number;
  percent: number;
  summary: string;
}

export function apiTokenUsage(used: number, limit: number): ApiTokenUsage {
  const percent = limit === 0 ? 0 : Math.round((100 * used) / limit);
  return { used, limit, percent, summary: `${percent}% - ${used}/${limit} tokens created` };
}
