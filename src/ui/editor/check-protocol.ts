/**
 * The messages between the editor and its checker worker (`check.worker.ts`): types
 * only. Every message carries the protocol version `v`, the editor's `channel` (one
 * per model) and the model `version` it is about, so replies to older texts can be
 * told apart and dropped. A failure crosses as `{ name, message, stack }`.
 */

/** The protocol version; bump it when a message changes shape. */
export const CHECK_PROTOCOL = 1;

/** One diagnostic with both offsets and 1-based line/column positions (end exclusive). */
export interface EditorDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly code: string;
  /** UTF-16 offsets into the checked text. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** What the checker says about one text. */
export interface CheckReport {
  /** Every error and warning, sorted by position. */
  readonly diagnostics: readonly EditorDiagnostic[];
  /** The optimized plan as text (`formatPlan`); null when the program has errors. */
  readonly plan: string | null;
}

/** Editor → worker: check this text. */
export interface CheckRequest {
  readonly v: typeof CHECK_PROTOCOL;
  readonly kind: 'check';
  readonly channel: number;
  readonly version: number;
  readonly fileName: string;
  readonly text: string;
}

/** Worker → editor: the verdict on one request, or why there is none. */
export type CheckResponse =
  | {
      readonly v: typeof CHECK_PROTOCOL;
      readonly kind: 'checked';
      readonly channel: number;
      readonly version: number;
      readonly report: CheckReport;
    }
  | {
      readonly v: typeof CHECK_PROTOCOL;
      readonly kind: 'failed';
      readonly channel: number;
      readonly version: number;
      readonly error: { readonly name: string; readonly message: string; readonly stack?: string };
    };
