// Plain CommonJS with no build step and no dependencies: the extension exists to exercise the
// vscode spoke, so the .vsix should be packable straight from this folder.
'use strict';

const vscode = require('vscode');
const { execFile } = require('node:child_process');

function activate(context) {
  const greet = vscode.commands.registerCommand('helloForge.greet', () => {
    // Prefer the real binary when it is on PATH, so the extension shows the installed version;
    // fall back to a built-in greeting so the command still works without it.
    execFile('hello-forge', [], { timeout: 5000 }, (error, stdout) => {
      const message = error ? 'Hello from the hello-forge extension!' : stdout.trim();
      vscode.window.showInformationMessage(message);
    });
  });
  context.subscriptions.push(greet);
}

function deactivate() {}

module.exports = { activate, deactivate };
