// The saved stand-in HTML must be what the page scripts render today, or selector tests test a console
// that no longer exists. Regenerate with: npx tsx tests/stand-in/make-snapshots.ts
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderSnapshots, SNAPSHOT_DIR, SNAPSHOTS } from '../../stand-in/make-snapshots';

it('saved snapshots match a fresh render (run `npx tsx tests/stand-in/make-snapshots.ts` after changing the stand-in)', async () => {
  const rendered = await renderSnapshots();
  expect([...rendered.keys()]).toEqual(SNAPSHOTS.map((snapshot) => snapshot.file));
  for (const [file, html] of rendered) expect(readFileSync(SNAPSHOT_DIR + file, 'utf8'), file).toBe(html);
});

it('the classic order list snapshot has the console landmarks the extension relies on', () => {
  const html = readFileSync(`${SNAPSHOT_DIR}orders-list.classic.html`, 'utf8');
  expect(html).toContain('class="package-center-table"');
  expect(html.match(/订单编号：\d{6}-\d{15}/g)).toHaveLength(12);
  expect(html).toContain('data-testid="beast-core-pagination-next"');
  expect(html).toContain('PGT_next_5-120-1');
});
