import type { Page } from '@playwright/test';

/**
 * Selects `words` in the essay panel's text as a person would with the mouse, and lets the panel
 * see the selection (it listens for mouseup). Only the essay itself is searched: the suggestions
 * list above it quotes the same sentences.
 */
export async function selectEssayWords(page: Page, words: string): Promise<void> {
  await page
    .getByTestId('essay')
    .locator('article')
    .evaluate((article, target) => {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(target);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`"${target}" is not in the essay`);
    }, words);
}
