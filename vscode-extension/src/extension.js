'use strict';
// The Faultline extension: the `faultline` debug type (launch runs the adapter shipped in dist/,
// attach connects to `./faultline debug --listen`) and the kernel views in Run and Debug.

const vscode = require('vscode');
const { findJavaRuntime } = require('./java-runtime');
const { describeLaunchAdapter, describeAttachAdapter } = require('./adapter-descriptor');
const { initialConfigurations, resolveConfiguration, isEmptyConfiguration, ConfigurationError } = require('./configuration');
const { applyFaultFilters } = require('./fault-filters');
const { KernelViews } = require('./kernel-views');
const { KernelTreeProvider } = require('./tree-provider');

const TYPE = 'faultline';

/** The views' ids in package.json, by the KernelViews name they show. */
const VIEW_IDS = {
  endpoints: 'faultline.endpointQueues',
  faultLog: 'faultline.faultIpc',
  capabilities: 'faultline.capabilities',
  trapframe: 'faultline.trapframe',
};

/** The Java runtime for a launch: the configuration's javaHome, else the setting, else the search. */
function javaFor(config) {
  const setting = vscode.workspace.getConfiguration('faultline').get('javaHome');
  if (config.javaHome) {
    return findJavaRuntime({ configured: config.javaHome, configuredOrigin: 'the launch configuration\'s "javaHome"' });
  }
  return findJavaRuntime({ configured: setting || undefined });
}

async function showError(message, withSettings) {
  const action = withSettings ? await vscode.window.showErrorMessage(message, 'Open Settings') : await vscode.window.showErrorMessage(message);
  if (action === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'faultline.javaHome');
  }
}

const configurationProvider = {
  provideDebugConfigurations() {
    return initialConfigurations();
  },

  resolveDebugConfiguration(folder, config) {
    // No launch.json: null makes VS Code open one to fill in, as the program cannot be guessed.
    return isEmptyConfiguration(config) ? null : config;
  },

  resolveDebugConfigurationWithSubstitutedVariables(folder, config) {
    try {
      const resolved = resolveConfiguration(config, { folder: folder ? folder.uri.fsPath : undefined });
      if (resolved.request === 'launch') {
        javaFor(resolved);
      }
      return resolved;
    } catch (error) {
      // undefined stops the session quietly: the message says what to fix.
      showError(error.message, !(error instanceof ConfigurationError));
      return undefined;
    }
  },
};

function adapterDescriptorFactory(context) {
  return {
    createDebugAdapterDescriptor(session) {
      const config = session.configuration;
      if (config.request === 'attach') {
        const server = describeAttachAdapter(config);
        return new vscode.DebugAdapterServer(server.port, server.host);
      }
      const adapter = describeLaunchAdapter({ extensionPath: context.extensionPath, java: javaFor(config), javaOptions: config.javaOptions });
      return new vscode.DebugAdapterExecutable(adapter.command, adapter.args);
    },
  };
}

function trackerFactory(views) {
  return {
    createDebugAdapterTracker(session) {
      const request = (command, args) => session.customRequest(command, args);
      return {
        onWillStartSession: () => views.follow(session, request),
        onWillReceiveMessage: (message) => {
          applyFaultFilters(message, session.configuration.faultFilters);
          if (views.session === session) {
            views.onClientMessage(message);
          }
        },
        onDidSendMessage: (message) => {
          if (views.session !== session && message.type === 'event' && message.event === 'stopped') {
            // A second Faultline session stopped: the views follow the one the user is looking at.
            views.follow(session, request);
          }
          if (views.session === session) {
            views.onAdapterMessage(message);
          }
        },
        onWillStopSession: () => views.forget(session),
      };
    },
  };
}

async function showFaultLogText(views) {
  if (!views.request) {
    vscode.window.showInformationMessage('No Faultline debug session: the fault log belongs to a running machine.');
    return;
  }
  let answer;
  try {
    answer = await views.request('faultline/faultLog');
  } catch (error) {
    vscode.window.showErrorMessage(`Faultline could not read the fault log from the adapter: ${error.message}`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ content: answer.text, language: 'plaintext' });
  await vscode.window.showTextDocument(document, { preview: true });
}

function activate(context) {
  const views = new KernelViews();
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(TYPE, configurationProvider),
    vscode.debug.registerDebugAdapterDescriptorFactory(TYPE, adapterDescriptorFactory(context)),
    vscode.debug.registerDebugAdapterTrackerFactory(TYPE, trackerFactory(views)),
    vscode.commands.registerCommand('faultline.refreshViews', () => views.refresh()),
    vscode.commands.registerCommand('faultline.showFaultLog', () => showFaultLogText(views)),
  );
  for (const [name, id] of Object.entries(VIEW_IDS)) {
    const provider = new KernelTreeProvider(views, name);
    const treeView = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
    const detach = provider.attach(treeView);
    context.subscriptions.push(treeView, { dispose: detach });
  }
  // Picking a thread in Call Stack points the Capabilities and Trapframe views at it (API of 1.90).
  if (vscode.debug.onDidChangeActiveStackItem) {
    context.subscriptions.push(vscode.debug.onDidChangeActiveStackItem((item) => {
      if (item && item.session === views.session) {
        views.selectThread(item.threadId);
      }
    }));
  }
  return { views };
}

function deactivate() {}

module.exports = { activate, deactivate };
