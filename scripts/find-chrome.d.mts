export function findChrome(): string | undefined;
export const NO_CHROME: string;
export const chromeArgs: string[];
