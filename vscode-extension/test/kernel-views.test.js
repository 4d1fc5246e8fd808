'use strict';
// KernelViews: which requests a stop sends, what a run and an end do to the views.

const test = require('node:test');
const assert = require('node:assert/strict');
const { KernelViews, RUNNING, NO_THREAD } = require('../src/kernel-views');

const recorded = require('./fixtures/fault-handlers-delivered.json');

/** A request function answering from the recording, logging each request. */
function adapter(answers = recorded, log = []) {
  const request = async (command, args) => {
    log.push(args ? `${command} ${JSON.stringify(args)}` : command);
    const answer = { 'faultline/endpoints': answers.endpoints, 'faultline/faultLog': answers.faultLog,
      'faultline/capabilities': answers.capabilities, 'faultline/trapframe': answers.trapframe }[command];
    if (!answer) {
      throw new Error(`no such request ${command}`);
    }
    return answer;
  };
  return { request, log };
}

const stopped = (threadId) => ({ type: 'event', event: 'stopped', body: { reason: 'exception', threadId } });

test('a stop asks for all four views with the stopped thread and fills them', async () => {
  const views = new KernelViews();
  const { request, log } = adapter();
  const changed = [];
  views.onDidChange((view) => changed.push(view));
  views.follow('s1', request);
  assert.deepEqual(views.view('endpoints').rows, [], 'nothing before the first stop');
  await views.onAdapterMessage(stopped(27));
  assert.deepEqual(log.sort(), ['faultline/capabilities {"threadId":27}', 'faultline/endpoints', 'faultline/faultLog',
    'faultline/trapframe {"threadId":27}']);
  assert.equal(views.view('faultLog').rows[0].label, '[1] CapFault: faulter');
  assert.equal(views.view('trapframe').rows[0].description, 'handler (#27), running');
  assert.equal(views.view('capabilities').message, undefined);
  assert.ok(changed.includes('endpoints') && changed.includes('trapframe'));
});

test('continuing keeps the last stop\'s rows under a message, the next stop clears it', async () => {
  const views = new KernelViews();
  views.follow('s1', adapter().request);
  await views.onAdapterMessage(stopped(27));
  views.onAdapterMessage({ type: 'event', event: 'continued', body: { threadId: 27 } });
  assert.equal(views.view('endpoints').message, RUNNING);
  assert.equal(views.view('endpoints').rows.length, 2);
  await views.onAdapterMessage(stopped(27));
  assert.equal(views.view('endpoints').message, undefined);
});

test('a run-control request marks the views stale until the next stop; others do not', async () => {
  const views = new KernelViews();
  views.follow('s1', adapter().request);
  await views.onAdapterMessage(stopped(27));
  views.onClientMessage({ type: 'request', seq: 9, command: 'threads' });
  assert.equal(views.view('faultLog').message, undefined);
  views.onClientMessage({ type: 'request', seq: 10, command: 'next', arguments: { threadId: 27 } });
  assert.equal(views.view('faultLog').message, RUNNING);
  await views.onAdapterMessage(stopped(27));
  assert.equal(views.view('faultLog').message, undefined);
});

test('a failing request shows its error in that view only', async () => {
  const views = new KernelViews();
  views.follow('s1', adapter({ ...recorded, capabilities: undefined }).request);
  await views.onAdapterMessage(stopped(27));
  assert.equal(views.view('capabilities').message, 'The adapter did not answer: no such request faultline/capabilities');
  assert.deepEqual(views.view('capabilities').rows, []);
  assert.equal(views.view('trapframe').message, undefined);
});

test('picking another thread refreshes only the thread views, for that thread', async () => {
  const views = new KernelViews();
  const { request, log } = adapter();
  views.follow('s1', request);
  await views.onAdapterMessage(stopped(27));
  log.length = 0;
  await views.selectThread(52);
  assert.deepEqual(log.sort(), ['faultline/capabilities {"threadId":52}', 'faultline/trapframe {"threadId":52}']);
  assert.equal(await views.selectThread(52), undefined, 'the same thread again asks nothing');
});

test('an answer overtaken by a newer refresh is dropped', async () => {
  const views = new KernelViews();
  let release;
  const slow = new Promise((resolve) => {
    release = resolve;
  });
  let calls = 0;
  views.follow('s1', async (command) => {
    if (command === 'faultline/faultLog' && calls++ === 0) {
      await slow;
      return { faults: [], text: '' };
    }
    return { 'faultline/faultLog': recorded.faultLog, 'faultline/endpoints': recorded.endpoints }[command] ?? recorded.trapframe;
  });
  views.threadId = undefined;
  const first = views.refresh(['faultLog']);
  await views.refresh(['faultLog']);
  release();
  await first;
  assert.equal(views.view('faultLog').rows[0].label, '[1] CapFault: faulter', 'the older, empty answer did not win');
});

test('before any stop the thread views ask the user to stop or pick a thread', () => {
  const views = new KernelViews();
  views.follow('s1', adapter().request);
  assert.equal(views.view('trapframe').message, NO_THREAD);
  assert.equal(views.view('endpoints').message, undefined);
});

test('the end of the followed session empties the views; another session\'s end does not', async () => {
  const views = new KernelViews();
  views.follow('s1', adapter().request);
  await views.onAdapterMessage(stopped(27));
  views.forget('s2');
  assert.equal(views.view('faultLog').rows.length, 1);
  views.forget('s1');
  assert.deepEqual(views.view('faultLog'), { rows: [], message: undefined });
  assert.equal(views.onAdapterMessage(stopped(27)), undefined, 'no session: nothing is asked');
});
