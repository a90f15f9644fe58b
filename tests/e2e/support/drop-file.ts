/** Drag-and-drop of a file onto an element, as a learner drops one from their desktop. */
import type { Locator, Page } from '@playwright/test';

type Payload = Parameters<Locator['setInputFiles']>[0];

export async function dropFile(page: Page, target: Locator, file: Payload): Promise<void> {
  // A file input of the test's own, only to get the file into the page; the drop carries it to the target.
  await page.evaluate(() => {
    document.querySelector('#test-carrier')?.remove();
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'test-carrier';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#test-carrier').setInputFiles(file);
  await target.evaluate((element) => {
    const picked = (document.querySelector('#test-carrier') as HTMLInputElement).files?.[0];
    if (!picked) throw new Error('no file');
    const data = new DataTransfer();
    data.items.add(picked);
    for (const type of ['dragenter', 'dragover', 'drop'])
      element.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  });
}
