export * from './common.js';
export * from './people.js';
