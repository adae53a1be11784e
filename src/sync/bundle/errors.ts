/**
 * Why a bundle file was refused. `kind` picks the user-facing message (i18n); `detail`
 * is English for logs and bug reports. Any refusal means nothing was changed.
 */
export type BundleErrorKind =
  | 'notABundle'
  | 'unsupportedVersion'
  | 'truncated'
  | 'corrupted'
  | 'invalidManifest'
  | 'documentHashMismatch'
  | 'tooLarge'
  | 'invalidUpdate';

export interface BundleError {
  readonly kind: BundleErrorKind;
  readonly detail: string;
}

export const bundleError = (kind: BundleErrorKind, detail: string): BundleError => ({ kind, detail });
