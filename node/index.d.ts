/** Which module: maas.so (default), or maas_nofs.so with nofs (the same functions without maas_load_card). */
export interface LoadOptions { nofs?: boolean }
/** Absolute path of the sqlite-maas loadable module (maas.so, or maas_nofs.so); throws when none is found. */
export function getLoadablePath(options?: LoadOptions): string;
/** Loads sqlite-maas into a better-sqlite3 Database; returns the path loaded. */
export function load(db: { loadExtension(path: string, entryPoint?: string): unknown }, fileOrOptions?: string | LoadOptions): string;
export const MODULE_NAME: string;
export const NOFS_MODULE_NAME: string;
export const ENV_VAR: string;
