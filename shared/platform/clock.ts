/**
 * The time every handler, worker and schedule sees. In AWS it is the system clock. The one-machine runtime may move
 * it (to show what happens in 60 days); time keeps running from the instant it was set to.
 */
let offsetMs = 0;

export const now = (): Date => new Date(Date.now() + offsetMs);

/** Local runtime only: make `now()` read `instant` from this moment on; `null` returns to real time. */
export const setNow = (instant: Date | null): void => {
  offsetMs = instant === null ? 0 : instant.getTime() - Date.now();
};

export const isClockMoved = (): boolean => offsetMs !== 0;
