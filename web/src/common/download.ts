/** Handing the browser a file to save: one the page holds, or one at an address. */

export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** Saves a file the page holds, as the browser saves a download. */
export const saveFile = ({ blob, filename }: DownloadedFile): void => {
  const url = URL.createObjectURL(blob);
  openLink(url, filename);
  // After the click has handed the file to the browser.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** Follows a link as a download (an export's `downloadUrl` is a short-lived signed address). */
export const openLink = (href: string, filename = ''): void => {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
};
