/** Absolute path of the sqlite-maas loadable module (maas.so); throws when none is found. */
export function getLoadablePath(): string;
/** Loads sqlite-maas into a better-sqlite3 Database; returns the path loaded. */
export function load(db: { loadExtension(path: string, entryPoint?: string): unknown }, file?: string): string;
export const MODULE_NAME: string;
export const ENV_VAR: string;
