export { MemoryBackend, seededPeople, type MemoryBackendOptions } from './memory-backend.js';
export { avatarDataUrl, avatarSvg } from './avatar.js';
export { companyValues, seedKudos, type SeedKudos, type SeedValue } from './kudos-seed.js';
export { levelSteps, skillRatings, skillTargets, type SeedRating, type SeedTarget } from './skills-seed.js';
