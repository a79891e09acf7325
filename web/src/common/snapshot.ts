/**
 * A draw's published snapshot in the browser: its SHA-256 computed here (to set against the published hash) and the
 * snapshot saved as a file, byte for byte the text that was hashed.
 */
import { useEffect, useState } from 'react';
import { saveFile } from './download.ts';

/** Lower-case hex of SHA-256 over the UTF-8 bytes of `text`: how the snapshot's hash is made. */
const sha256Hex = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** The SHA-256 of `text` computed in the browser: undefined while it is computed, null where it cannot be. */
export const useSha256Hex = (text: string): string | null | undefined => {
  const [hash, setHash] = useState<string | null>();
  useEffect(() => {
    // `crypto.subtle` is there only in a secure context (HTTPS, or this machine).
    if (!globalThis.crypto?.subtle) {
      setHash(null);
      return;
    }
    let live = true;
    setHash(undefined);
    sha256Hex(text).then(
      (hex) => live && setHash(hex),
      () => live && setHash(null),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return hash;
};

/** Hands the snapshot to the browser as a file, exactly the text published (a string Blob is its UTF-8 bytes). */
export const saveSnapshot = (snapshot: string, filename: string): void =>
  saveFile({ blob: new Blob([snapshot], { type: 'application/json' }), filename });
