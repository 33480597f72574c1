import type { ChildProcess } from 'node:child_process';

export function freePort(): Promise<number>;
export function startServer(env?: Record<string, string>): Promise<{
  port: number;
  origin: string;
  child: ChildProcess;
  stop: () => Promise<number | null>;
  output: () => string;
}>;
