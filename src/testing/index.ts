export { MemoryBackend, seededPeople, type MemoryBackendOptions } from './memory-backend.js';
export { avatarDataUrl, avatarSvg } from './avatar.js';
export { companyValues, seedKudos, type SeedKudos, type SeedValue } from './kudos-seed.js';
