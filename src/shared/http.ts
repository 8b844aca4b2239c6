// The HTTP contract every client of the API shares with the server: the CSRF header writes carry,
// the shape of every error body, and the error class the browser clients throw.

/** Name and value of the header every non-GET /api request must carry (see docs/api.md). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'make-it-right';
/** The header as an object, to spread into a request's headers. */
export const CSRF_HEADERS: Readonly<Record<string, string>> = { [CSRF_HEADER]: CSRF_VALUE };

/** Every error the API answers with: the status text and a sentence for the person. */
export interface ErrorBody {
  error: string;
  message: string;
  [extra: string]: unknown;
}

/** A failed request as the browser clients see it; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The server could not be reached, or it failed (5xx, timeout, rate limit): worth trying again later. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** Invite codes are typed by people: case, spaces and dashes do not matter. */
export function normalizeInviteCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
