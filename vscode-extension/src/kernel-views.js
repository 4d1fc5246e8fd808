'use strict';
// What the four kernel views show, kept apart from VS Code: which session and thread they follow,
// whether the machine runs, and the trees built from the adapter's custom requests at each stop.
// The adapter's messages come in through onAdapterMessage (a DebugAdapterTracker forwards them).

const { endpointTree } = require('./views/endpoints');
const { faultLogTree } = require('./views/fault-log');
const { capabilityTree } = require('./views/capabilities');
const { trapframeTree } = require('./views/trapframe');

const VIEWS = ['endpoints', 'faultLog', 'capabilities', 'trapframe'];

/** Requests after which the machine runs: the adapter sends no continued event for them, their response says it. */
const RUN_REQUESTS = new Set(['continue', 'next', 'stepIn', 'stepOut', 'stepBack', 'reverseContinue', 'goto', 'restartFrame']);

const RUNNING = 'The machine is running: these views show the last stop and refresh at the next one.';
const NO_THREAD = 'No thread is selected: stop the machine or pick a thread in Call Stack.';

function errorText(error) {
  return `The adapter did not answer: ${error && error.message ? error.message : error}`;
}

class KernelViews {
  constructor() {
    this.session = undefined;
    this.request = undefined;
    this.threadId = undefined;
    this.running = false;
    // Per view, the number of the latest refresh asked for: older answers are dropped.
    this.generations = Object.fromEntries(VIEWS.map((view) => [view, 0]));
    this.listeners = [];
    this.clear();
  }

  clear() {
    this.trees = Object.fromEntries(VIEWS.map((view) => [view, []]));
    this.errors = {};
  }

  /** Calls listener(view) whenever a view's rows or message change. */
  onDidChange(listener) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
  }

  changed(views = VIEWS) {
    for (const view of views) {
      for (const listener of this.listeners) {
        listener(view);
      }
    }
  }

  /** The rows of a view and the message to show above them (undefined for none). */
  view(name) {
    let message = this.errors[name];
    if (!message && this.session && this.running) {
      message = RUNNING;
    } else if (!message && this.session && this.threadId === undefined && (name === 'capabilities' || name === 'trapframe')) {
      message = NO_THREAD;
    }
    return { rows: this.trees[name], message };
  }

  /**
   * Follows a session: `request(command, args)` sends it a custom request and answers the body.
   * The views stay empty until it stops.
   */
  follow(session, request) {
    this.reset(session, request);
  }

  reset(session, request) {
    this.session = session;
    this.request = request;
    this.threadId = undefined;
    this.running = false;
    this.invalidate();
    this.clear();
    this.changed();
  }

  invalidate() {
    for (const view of VIEWS) {
      this.generations[view]++;
    }
  }

  /** Stops following `session` (it ended); the views empty. */
  forget(session) {
    if (session === this.session) {
      this.reset(undefined, undefined);
    }
  }

  /** A message the adapter sent in the followed session: stops refresh the views, runs mark them stale. */
  onAdapterMessage(message) {
    if (message.type !== 'event' || !this.session) {
      return undefined;
    }
    switch (message.event) {
      case 'stopped':
        this.running = false;
        if (message.body && message.body.threadId !== undefined) {
          this.threadId = message.body.threadId;
        }
        return this.refresh();
      case 'continued':
        this.running = true;
        this.changed();
        return undefined;
      default:
        return undefined;
    }
  }

  /** A message VS Code sends the adapter in the followed session: run control marks the views stale. */
  onClientMessage(message) {
    if (this.session && message.type === 'request' && RUN_REQUESTS.has(message.command)) {
      this.running = true;
      this.changed();
    }
  }

  /** The user picked another thread (Call Stack): the thread's views follow it. */
  selectThread(threadId) {
    if (!this.session || threadId === undefined || threadId === this.threadId) {
      return undefined;
    }
    this.threadId = threadId;
    return this.refresh(['capabilities', 'trapframe']);
  }

  /** Asks the adapter again for the given views; an answer that arrives after a newer refresh is dropped. */
  async refresh(views = VIEWS) {
    if (!this.request) {
      return;
    }
    const threadId = this.threadId;
    const requests = {
      endpoints: () => this.request('faultline/endpoints').then(endpointTree),
      faultLog: () => this.request('faultline/faultLog').then(faultLogTree),
      capabilities: () => this.request('faultline/capabilities', { threadId }).then(capabilityTree),
      trapframe: () => this.request('faultline/trapframe', { threadId }).then(trapframeTree),
    };
    const wanted = views.filter((view) => threadId !== undefined || (view !== 'capabilities' && view !== 'trapframe'));
    const asked = Object.fromEntries(wanted.map((view) => [view, ++this.generations[view]]));
    const answers = await Promise.allSettled(wanted.map((view) => requests[view]()));
    wanted.forEach((view, index) => {
      if (asked[view] !== this.generations[view]) {
        return;
      }
      const answer = answers[index];
      if (answer.status === 'fulfilled') {
        this.trees[view] = answer.value;
        delete this.errors[view];
      } else {
        this.trees[view] = [];
        this.errors[view] = errorText(answer.reason);
      }
    });
    this.changed(views);
  }
}

module.exports = { KernelViews, VIEWS, RUNNING, NO_THREAD };
