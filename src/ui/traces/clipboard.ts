/**
 * Putting text on the clipboard: the async Clipboard API where the page may use it, else
 * the old hidden-textarea `copy` command (insecure origins, older browsers, denied
 * permission). Answers whether the text was copied; never throws. Focus returns to
 * where it was.
 */

/** Copies `text`; `true` on success. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (window.isSecureContext && typeof navigator.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable: fall back below.
  }
  return copyWithTextarea(text);
}

function copyWithTextarea(text: string): boolean {
  const previous = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let copied: boolean;
  try {
    // Deprecated but still the only synchronous fallback that browsers support.
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  if (previous instanceof HTMLElement) previous.focus();
  return copied;
}
