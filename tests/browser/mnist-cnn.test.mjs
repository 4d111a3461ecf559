// The MNIST panel's convnet (book ch. 7–8): the "CNN (SimpleConvNet)" preset
// trains in the worker until an epoch passes 95 % on the 2,000 bundled test
// digits, with the live learning rate and the first layer's filters before/after
// (fig. 7-24) and the drawing's feature maps; the book's trained ch. 7 and ch. 8
// weights load from their .npz with no settings and score 96.00 % / 97.58 % on
// all 10,000 bundled digits; an .npz round trip; 375 px.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withPage, panelReady, stop, tid, testidText, dataValue, waitValue, assertNoOverflow, PHONE, drawSeven } from './harness.mjs';

after(stop);

// the CNN preset's settings (Adam 0.001, batch 100, He), three epochs: 92.9 %, 94.3 %, 95.7 % with seed 1
const CNN = '/index.html?lang=en#panel=mnist&m_arch=simplecnn&m_opt=adam&m_lr=0.001&m_batch=100&m_init=he&m_epochs=3';

async function ready(page) {
  await panelReady(page);
  await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
}


test('a CNN epoch in the worker passes 95 % test accuracy; filters before/after and the drawing\'s feature maps render', async () => {
  await withPage('mnist-cnn-train', CNN, async (page) => {
    await ready(page);
    assert.match(await testidText(page, 'architecture'),
      /conv 30×5×5 → relu → pool 2 → affine 100 → relu → affine 10, 80 steps per epoch/);
    await page.click(tid('train'));
    await page.waitForSelector(`${tid('status')}[data-value="done"]`, { timeout: 300000 });
    const acc = await dataValue(page, 'test-acc');
    assert.ok(acc >= 0.95, `test accuracy after the third epoch: ${acc}`);
    // confusion matrix over the 2,000 test digits
    await page.waitForSelector(`${tid('confusion')} svg`);
    // fig. 7-24: 30 filters of 5×5, before training and now, and they differ
    await page.waitForSelector(`${tid('filters-now')} canvas`);
    assert.equal(await page.locator(`${tid('filters-before')} canvas`).count(), 30);
    assert.equal(await page.locator(`${tid('filters-now')} canvas`).count(), 30);
    const pixels = (which) => page.$eval(`${tid(which)} canvas`, (c) => Array.from(c.getContext('2d').getImageData(0, 0, 5, 5).data).join(','));
    assert.notEqual(await pixels('filters-before'), await pixels('filters-now'));
    // a drawing: its answer, and the feature maps of the conv (after ReLU) and pool layers
    await drawSeven(page);
    await page.waitForSelector(`${tid('featuremaps-Relu1')} canvas`);
    assert.equal(await page.locator(`${tid('featuremaps-Relu1')} canvas`).count(), 30);
    assert.equal(await page.locator(`${tid('featuremaps-Pooling1')} canvas`).count(), 30);
    assert.equal(await page.$eval(`${tid('featuremaps-Pooling1')} canvas`, (c) => c.width), 12);
    assert.match(await testidText(page, 'draw-answer'), /^\d \(\d+ %\)$/);
    assert.match(page.url(), /m_arch=simplecnn/);
  });
});

test("the book's ch. 7 and ch. 8 convnets score 96.00 % and 97.58 % on all 10,000 bundled digits; a convnet .npz round trip", async () => {
  await withPage('mnist-cnn-book', '/index.html?lang=en#panel=mnist', async (page) => {
    await ready(page);
    await page.click(tid('book-ch7'));
    await page.waitForSelector(`${tid('book-cnn-result')}[data-all-acc]`, { timeout: 60000 });
    const all7 = Number(await page.getAttribute(tid('book-cnn-result'), 'data-all-acc'));
    assert.ok(Math.abs(all7 - 0.9600) <= 0.0005, `ch. 7 on all digits: ${all7}`);
    assert.match(await testidText(page, 'book-cnn-line-2'), /Accuracy 96\.00 % \(all 10000 bundled digits\)/);
    assert.match(await testidText(page, 'architecture'), /conv 30×5×5/);
    // loaded weights have no "before training" filters; their filters are drawn
    await page.waitForSelector(`${tid('filters-now')} canvas`);
    assert.equal(await page.locator(`${tid('filters-before')}`).count(), 0);
    // the .npz of this convnet comes back with no settings
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('download-npz'))]);
    assert.equal(download.suggestedFilename(), 'scratchnet-convnet.npz');
    const bytes = fs.readFileSync(await download.path());
    await page.click(tid('book-ch8'));
    // DeepConvNet over 10,000 digits: a few seconds on an idle machine, much longer on a loaded one
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('DeepConvNet'), tid('book-cnn-result'), { timeout: 240000 });
    const all8 = Number(await page.getAttribute(tid('book-cnn-result'), 'data-all-acc'));
    assert.ok(Math.abs(all8 - 0.9758) <= 0.0005, `ch. 8 on all digits: ${all8}`);
    assert.match(await testidText(page, 'architecture'), /conv 16×3×3 pad 1 → relu → conv 16×3×3 pad 1/);
    await page.setInputFiles(tid('load-npz'), { name: 'scratchnet-convnet.npz', mimeType: 'application/zip', buffer: bytes });
    await page.waitForFunction((sel) => /Loaded scratchnet-convnet\.npz: convnet conv 30×5×5/.test(document.querySelector(sel)?.textContent), tid('session-note'));
    // its test accuracy is the book's ch. 7 network's again (the evaluation's confusion matrix sums its hits)
    await page.waitForFunction((sel) => /conv 30×5×5/.test(document.querySelector(sel).textContent), tid('architecture'));
  });
});

test('at 375 px the CNN preset goes to the URL, and the filters and book results fit', async () => {
  await withPage('mnist-cnn-phone', '/index.html?lang=ko#panel=mnist', async (page) => {
    await ready(page);
    await page.click(`${tid('settings-fold')} summary`);
    await page.selectOption(tid('preset'), 'cnn');
    await page.waitForFunction(() => /m_arch=simplecnn/.test(location.hash) && /m_lr=0\.001/.test(location.hash));
    await page.waitForFunction((sel) => /합성곱 신경망 conv 30×5×5/.test(document.querySelector(sel).textContent), tid('architecture'));
    // the learning rate turned while the convnet trains reaches the trainer in the worker
    await page.click(tid('train'));
    await waitValue(page, 'step', '>', 5, 60000);
    await page.fill(tid('lr-number'), '0.0008');
    await page.dispatchEvent(tid('lr-number'), 'change');
    await waitValue(page, 'lr-current', '===', 0.0008);
    const at = await dataValue(page, 'step');
    await waitValue(page, 'step', '>', at + 3, 60000);
    await page.click(tid('train'));   // pause
    await page.waitForSelector(`${tid('status')}[data-value="paused"]`);
    await page.click(`${tid('more-fold')} summary`);
    await page.click(tid('book-ch7'));
    await page.waitForSelector(`${tid('book-cnn-result')}[data-all-acc]`, { timeout: 60000 });
    await page.waitForSelector(`${tid('filters-now')} canvas`);
    await assertNoOverflow(page);
  }, { viewport: PHONE });
});
