export { MemoryBackend, seededPeople, type MemoryBackendOptions } from './memory-backend.js';
export { avatarDataUrl, avatarSvg } from './avatar.js';
