/**
 * Tab that always moves on. antd's Select and AutoComplete take Tab, while their list is open, to pick the
 * highlighted option — and then keep the focus. For an operator typing ahead, Tab must pick and move on: called from
 * the control's `onKeyDown` (which runs after the list's handler), it moves the focus to the next (Shift: previous)
 * field of the form when the list kept it.
 */
import type { KeyboardEvent } from 'react';

const tabbable =
  'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

const stops = (form: HTMLFormElement): HTMLElement[] =>
  [...form.querySelectorAll<HTMLElement>(tabbable)].filter((element) => {
    if (element.tabIndex < 0 || element.getClientRects().length === 0) return false;
    // A radio group is one stop: its checked radio.
    if (element instanceof HTMLInputElement && element.type === 'radio') return element.checked;
    return true;
  });

export const tabOnward = (event: KeyboardEvent<HTMLElement>): void => {
  if (event.key !== 'Tab' || !event.defaultPrevented) return;
  const from = event.target as HTMLElement;
  const form = from.closest('form');
  if (!form) return;
  const list = stops(form);
  const index = list.indexOf(from);
  const next = list[index + (event.shiftKey ? -1 : 1)];
  // At once: keys typed next belong to the next field.
  if (index >= 0 && next) next.focus();
};
