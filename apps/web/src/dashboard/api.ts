// What GET /api/watch/:electionId answers (apps/server/src/watch/figures.ts).
export interface Cell {
  readonly mode: string;
  readonly category: string;
  readonly at: string;
  /** null: hidden (from 1 to the minimum − 1). */
  readonly n: number | null;
}

export interface WatchFigures {
  readonly electionId: string;
  readonly constituency: string | null;
  readonly minimum: number;
  readonly ballotsPerHour: readonly Cell[];
  readonly envelopesPerDay: readonly Cell[];
  readonly superseded: readonly { readonly mode: string; readonly category: string; readonly n: number | null }[];
  readonly cancellations: readonly { readonly reason: string; readonly n: number | null }[];
  readonly refusals: readonly { readonly code: string; readonly n: number | null }[] | null;
  readonly stations: { readonly registered: number; readonly in: number };
  /** The organising authority only: every post's kiosks as their last heartbeat left them. */
  readonly kiosks: readonly KioskState[] | null;
  readonly groups: {
    readonly total: number;
    readonly mixed: number;
    readonly decrypted: number;
    readonly counted: number;
  };
}

export interface KioskState {
  readonly post: string;
  readonly label: string;
  readonly lastSeenAt: string | null;
  readonly queued: number;
  readonly revoked: boolean;
}
