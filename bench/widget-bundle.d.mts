export declare const gzipSize: (code: string | Uint8Array) => number;
export interface AppBundle {
  /** The modules that load before the element is defined (the entry's static graph). */
  modules: string[];
  /** Their size as one minified file, gzip -9. */
  gzip: number;
  /** The modules the static graph imports later, with `import()`. */
  lazy: string[];
  /** Every chunk of a normal build, as Vite splits it. */
  chunks: { modules: string[]; gzip: number }[];
}
export declare function bundleApp(source: string): Promise<AppBundle>;
