'use strict';
// The Endpoint Queues view from faultline/endpoints: each endpoint and notification with its state,
// its queue in order (thread, badge, message info, blocked state) and the cap slots that name it,
// the columns of Eclipse's Endpoint Queues view as tree rows.

const { node, shortHex } = require('./tree');

function messageInfoText(info) {
  return `label ${shortHex(info.label)}, length ${info.length}, extraCaps ${info.extraCaps}, capsUnwrapped ${info.capsUnwrapped}`;
}

function waiterNode(waiter, position, objectKey) {
  const summary = [waiter.state, `badge ${shortHex(waiter.badge)}`];
  if (waiter.messageInfo) {
    summary.push(`label ${shortHex(waiter.messageInfo.label)} len ${waiter.messageInfo.length}`);
  }
  const details = [
    node('Thread', { description: `${waiter.threadName} (#${waiter.threadId})`, icon: 'pulse' }),
    node('Blocked state', { description: waiter.state }),
    node('Badge', { description: waiter.badge }),
  ];
  if (waiter.messageInfo) {
    details.push(node('Message info', {
      description: messageInfoText(waiter.messageInfo),
      children: [
        node('label', { description: waiter.messageInfo.label }),
        node('length', { description: waiter.messageInfo.length }),
        node('extraCaps', { description: waiter.messageInfo.extraCaps }),
        node('capsUnwrapped', { description: waiter.messageInfo.capsUnwrapped }),
      ],
    }));
  }
  details.push(node('Call', { description: waiter.call ? 'yes: awaits a reply' : 'no' }));
  return node(`${position}. ${waiter.threadName} (#${waiter.threadId})`, {
    id: `${objectKey}/queue/${waiter.threadId}`,
    description: summary.join(' · '),
    tooltip: `${waiter.threadName}, ${waiter.state}, badge ${waiter.badge}${waiter.messageInfo ? `, ${messageInfoText(waiter.messageInfo)}` : ''}`,
    icon: 'debug-pause',
    children: details,
  });
}

function queueNodes(queue, objectKey) {
  if (!queue.length) {
    return [node('Queue empty', { icon: 'circle-slash' })];
  }
  return queue.map((waiter, index) => waiterNode(waiter, index + 1, objectKey));
}

function slotsNode(slots, objectKey) {
  return node(`Cap slots (${slots.length})`, {
    id: `${objectKey}/slots`,
    icon: 'key',
    children: slots.map((slot) => node(slot.name ? `${slot.text} (${slot.name})` : slot.text)),
  });
}

function queuedText(queue) {
  return queue.length ? ` · ${queue.length} queued` : '';
}

function endpointNode(endpoint) {
  const key = `endpoint/${endpoint.id}`;
  return node(`Endpoint #${endpoint.id}`, {
    id: key,
    description: `${endpoint.state}${queuedText(endpoint.queue)}`,
    tooltip: `Endpoint #${endpoint.id}: ${endpoint.state}, ${endpoint.queue.length} thread(s) queued, named by ${endpoint.slots.length} cap slot(s)`,
    icon: 'mail',
    expanded: endpoint.queue.length > 0,
    children: [...queueNodes(endpoint.queue, key), slotsNode(endpoint.slots, key)],
  });
}

function notificationNode(notification) {
  const key = `notification/${notification.id}`;
  const bound = notification.boundThreadId ? `thread #${notification.boundThreadId}` : 'none';
  return node(`Notification #${notification.id}`, {
    id: key,
    description: `${notification.state} · word ${shortHex(notification.word)}${queuedText(notification.queue)}`,
    tooltip: `Notification #${notification.id}: ${notification.state}, word ${notification.word}, bound to ${bound}`,
    icon: 'bell',
    expanded: notification.queue.length > 0,
    children: [
      node('Word', { description: notification.word }),
      node('Bound thread', { description: bound }),
      ...queueNodes(notification.queue, key),
      slotsNode(notification.slots, key),
    ],
  });
}

/** The view's rows: endpoints, then notifications, in the adapter's order; one row when there are none. */
function endpointTree(answer) {
  const rows = [...answer.endpoints.map(endpointNode), ...answer.notifications.map(notificationNode)];
  return rows.length ? rows : [node('No endpoints or notifications exist yet', { icon: 'info' })];
}

module.exports = { endpointTree };
