export { registerRateLimits } from './register.ts';
export { DEFAULT_RATE_LIMITS, rateRule, type RateLimitSettings, type RateRule } from './policy.ts';
