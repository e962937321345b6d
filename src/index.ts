/** Briefing's library API: what the CLI and the tests call. */
export { analyze, build, check, type Analysis, type BuildOptions, type BuildResult, type CheckOptions } from './build.ts';
export { formatDiagnostic, diagnosticsToJson, type Diagnostic } from './diagnostics.ts';
export type { Model } from './model/types.ts';
