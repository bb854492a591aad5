// Starts `cjm lsp` once a YAML file that declares `cjm:` (a journey map or a library
// file) is open; other YAML files never start it. The server checks only files with a
// top-level `cjm:` key, so the documents it is handed beyond those stay unmarked.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function declaresCjm(document) {
  return (
    document.languageId === "yaml" &&
    document.uri.scheme === "file" &&
    /^cjm:/m.test(document.getText())
  );
}

function start(context) {
  if (client) {
    return;
  }
  const command = vscode.workspace.getConfiguration("cjm").get("path") || "cjm";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "cjm",
    "cjm",
    { run: server, debug: server },
    {
      documentSelector: [{ scheme: "file", language: "yaml" }],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.yaml,*.yml,cjm.toml}"),
      },
    }
  );
  context.subscriptions.push(client);
  client.start();
}

function activate(context) {
  if (vscode.workspace.textDocuments.some(declaresCjm)) {
    start(context);
  }
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (declaresCjm(document)) {
        start(context);
      }
    })
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
