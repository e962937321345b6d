/** The folders `tsconfig.build.json` compiles, relative to the package root. */
export declare const COMPILED_FOLDERS: readonly string[];
/** True when dist/ holds an up-to-date compiled twin of every source file (see compiled.js). */
export declare function compiledIsFresh(root: string): boolean;
