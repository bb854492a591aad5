//! `cjm lsp` driven by a small client over JSON-RPC (Content-Length framing), as an
//! editor would: every wait has a timeout, so a hung server fails the test.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications that arrived while waiting for something else.
    queue: VecDeque<Value>,
    next_id: i64,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cjm"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cjm lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming: rx,
            queue: VecDeque::new(),
            next_id: 1,
        };
        let init = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {},
                "workspaceFolders": [{"uri": uri(root), "name": "maps"}],
            }),
        );
        assert!(init["capabilities"]["renameProvider"].is_object(), "{init}");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self, deadline: Instant) -> Value {
        match self
            .incoming
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(v) => v,
            Err(RecvTimeoutError::Timeout) => panic!("the server did not answer in time"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server went away"),
        }
    }

    /// Sends a request and returns its whole response (`result` or `error`).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + WAIT;
        loop {
            let m = self.next(deadline);
            if m["id"] == json!(id) && m.get("method").is_none() {
                return m;
            }
            if m.get("method").is_some() && m.get("id").is_none() {
                self.queue.push_back(m);
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is_for = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.queue.iter().position(is_for) {
            let m = self.queue.remove(i).unwrap();
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let m = self.next(deadline);
            if is_for(&m) {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
            if m.get("method").is_some() {
                self.queue.push_back(m);
            }
        }
    }

    fn open(&mut self, path: &Path) -> String {
        let u = uri(path);
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": u, "languageId": "yaml", "version": 1, "text": text}}),
        );
        u
    }

    fn change(&mut self, u: &str, version: i64, range: Value, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": u, "version": version},
                "contentChanges": [{"range": range, "text": text}],
            }),
        );
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.call("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the server did not exit after `exit`");
    }
}

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

fn at(u: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": u}, "position": {"line": line, "character": character}})
}

/// The 0-based line of the first line containing `needle`, and the UTF-16 column where
/// the needle starts on it.
fn find(text: &str, needle: &str) -> (u32, u32) {
    for (n, line) in text.lines().enumerate() {
        if let Some(i) = line.find(needle) {
            let units = line[..i].encode_utf16().count();
            return (n as u32, units as u32);
        }
    }
    panic!("`{needle}` is not in the text");
}

/// A temporary folder with the files given, and its canonical path.
fn workspace(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    for (name, text) in files {
        std::fs::write(root.join(name), text).unwrap();
    }
    (dir, root)
}

const CYRILLIC_MAP: &str = "cjm: 1
id: checkout
title: Чекаут 取餐
type: current-state
stages:
  - id: 浏览
    name: Просмотр
    touchpoints:
      - id: витрина
        name: Витрина
        channel: web
      - id: витрина
        name: Дубль
    pain_points:
      - {name: \"😀 取餐 slow\", touchpoint: витринa}
";

#[test]
fn diagnostics_match_validate_and_follow_edits() {
    let (_dir, root) = workspace(&[("m.yaml", CYRILLIC_MAP)]);
    let path = root.join("m.yaml");
    let mut client = Client::start(&root);
    let u = client.open(&path);
    let found = client.diagnostics(&u);
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["duplicate-id", "unknown-touchpoint"]);

    // The duplicate: its range, and the first definition as related information.
    let (line, col) = find(CYRILLIC_MAP, "id: витрина");
    let second = line + 3;
    assert_eq!(line, 8);
    assert_eq!(found[0]["range"], range(second, col + 4, col + 4 + 7));
    let related = &found[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], u.as_str());
    assert_eq!(
        related["location"]["range"],
        range(line, col + 4, col + 4 + 7)
    );
    assert_eq!(related["message"], "first defined here");

    // The typo sits after an emoji (two UTF-16 units, one character) and CJK.
    let (line, col) = find(CYRILLIC_MAP, "витринa}");
    assert_eq!(found[1]["range"], range(line, col, col + 7));
    assert_eq!(found[1]["severity"], 1);
    assert!(
        found[1]["message"]
            .as_str()
            .unwrap()
            .ends_with("help: did you mean `витрина`?"),
        "{}",
        found[1]
    );

    // The same findings as `cjm validate`, line for line and column for column.
    let out = Command::new(env!("CARGO_BIN_EXE_cjm"))
        .args(["validate", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validate: Vec<(String, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let ours: Vec<(String, u64)> = found
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap() + 1,
            )
        })
        .collect();
    assert_eq!(ours, validate);

    // Fix the typo (a Latin `a` for a Cyrillic `а`): only the duplicate is left.
    client.change(&u, 2, range(line, col + 6, col + 7), "а");
    let found = client.diagnostics(&u);
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["duplicate-id"]);

    // Break the YAML halfway through a line: a syntax error, and the server lives on.
    let (line, _) = find(CYRILLIC_MAP, "channel: web");
    client.change(&u, 3, range(line, 0, 0), "        channel: [web\n");
    let found = client.diagnostics(&u);
    assert_eq!(found[0]["code"], "yaml-syntax", "{found:?}");
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": u}}),
    );
    assert!(symbols.is_array());
}

#[test]
fn diagnostics_arrive_quickly_after_an_edit() {
    let mut map =
        String::from("cjm: 1\nid: big\ntitle: Ten stages\ntype: current-state\nstages:\n");
    for i in 0..10 {
        map.push_str(&format!(
            "  - id: s{i}\n    name: Stage {i}\n    emotion: 0\n    touchpoints:\n      - id: t{i}\n        name: Touchpoint {i}\n        channel: web\n    pain_points:\n      - id: p{i}\n        name: Pain {i}\n        severity: low\n        touchpoint: t{i}\n"
        ));
    }
    let (_dir, root) = workspace(&[("big.yaml", &map)]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("big.yaml"));
    let first = client.diagnostics(&u);
    let mut times = Vec::new();
    for round in 0..5 {
        let (line, col) = find(&map, "touchpoint: t3");
        // Alternate between a broken reference and the right one.
        let new = if round % 2 == 0 { "x" } else { "3" };
        let start = Instant::now();
        client.change(&u, round + 2, range(line, col + 13, col + 14), new);
        let found = client.diagnostics(&u);
        times.push(start.elapsed());
        let unknown = found.iter().any(|d| d["code"] == "unknown-touchpoint");
        assert_eq!(unknown, round % 2 == 0, "{found:?}");
    }
    times.sort();
    println!(
        "diagnostics after an edit of a 10-stage map: median {:?}, worst {:?} (debug build; {} findings before)",
        times[times.len() / 2],
        times[times.len() - 1],
        first.len()
    );
}

const LIBRARY: &str = "cjm: 1
type: library
title: Shared
personas:
  - id: sam
    name: Sam, runs a bakery
research:
  - id: interviews
    kind: interview
    summary: Fourteen interviews
";

const FIRST: &str = "cjm: 1
id: first
title: First
type: current-state
personas: [sam]
stages:
  - id: start
    name: Start
    touchpoints:
      - id: reader-app
        name: Card reader app
        channel: mobile-app
      - id: web-form
        name: Web form
        channel: web
    pain_points:
      - id: pairing
        name: Pairing fails
        severity: medium
        touchpoint: reader-app
        evidence: [interviews]
    opportunities:
      - name: Pair by QR code
        addresses: [pairing]
";

const SECOND: &str = "cjm: 1
id: second
title: Second
type: current-state
parent: first
personas: [sam]
stages:
  - id: go
    name: Go
    touchpoints:
      - id: shop
        name: Shop
        personas: [sam]
";

#[test]
fn completion_lists_ids_and_schema_values() {
    let (_dir, root) = workspace(&[("library.yaml", LIBRARY), ("first.yaml", FIRST)]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("first.yaml"));
    let found = client.diagnostics(&u);
    assert!(found.iter().all(|d| d["severity"] != 1), "{found:?}");
    let (line, col) = find(FIRST, "touchpoint: reader-app");
    client.change(&u, 2, range(line, col + 12, col + 22), "");
    client.diagnostics(&u);
    let items = client.request("textDocument/completion", at(&u, line, col + 12));
    let items: Vec<(String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap().to_string(),
                i["detail"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        items.contains(&("reader-app".into(), "Card reader app".into())),
        "{items:?}"
    );
    assert!(
        items.contains(&("web-form".into(), "Web form".into())),
        "{items:?}"
    );

    // Enum values from the schema, and research from the library.
    let (line, col) = find(FIRST, "channel: web");
    let items = client.request("textDocument/completion", at(&u, line, col + 9));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"mobile-app") && labels.contains(&"word-of-mouth"),
        "{labels:?}"
    );
    let (line, col) = find(FIRST, "[interviews]");
    let items = client.request("textDocument/completion", at(&u, line, col + 1));
    assert_eq!(items[0]["label"], "interviews", "{items}");
    assert_eq!(items[0]["detail"], "Fourteen interviews");

    // Keys of a touchpoint, documented.
    let (line, _) = find(FIRST, "        channel: web");
    client.change(&u, 3, range(line + 1, 0, 0), "        ow\n");
    let items = client.request("textDocument/completion", at(&u, line + 1, 10));
    let owner = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "owner")
        .unwrap_or_else(|| panic!("{items}"));
    assert!(
        owner["documentation"]["value"]
            .as_str()
            .unwrap()
            .contains("accountable")
    );
}

#[test]
fn definition_references_and_hover() {
    let (_dir, root) = workspace(&[
        ("library.yaml", LIBRARY),
        ("first.yaml", FIRST),
        ("second.yaml", SECOND),
    ]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("first.yaml"));
    client.diagnostics(&u);

    let (line, col) = find(FIRST, "touchpoint: reader-app");
    let def = client.request("textDocument/definition", at(&u, line, col + 14));
    let (dline, dcol) = find(FIRST, "id: reader-app");
    assert_eq!(
        def,
        json!([{"uri": u, "range": range(dline, dcol + 4, dcol + 14)}])
    );

    // Across files: the library's research.
    let (line, col) = find(FIRST, "[interviews]");
    let def = client.request("textDocument/definition", at(&u, line, col + 3));
    let lib = uri(&root.join("library.yaml"));
    let (lline, lcol) = find(LIBRARY, "id: interviews");
    assert_eq!(
        def,
        json!([{"uri": lib, "range": range(lline, lcol + 4, lcol + 14)}])
    );

    // The library persona is cited by both maps (three times).
    let (line, col) = find(FIRST, "[sam]");
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": u}, "position": {"line": line, "character": col + 2},
               "context": {"includeDeclaration": true}}),
    );
    let uris: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris.len(), 4, "{refs}");
    assert_eq!(uris[0], lib);

    // Hover: the schema's words for a key, the item for an id.
    let (line, col) = find(FIRST, "severity: medium");
    let hover = client.request("textDocument/hover", at(&u, line, col + 2));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**severity**\n\n"), "{text}");
    let (line, col) = find(FIRST, "addresses: [pairing]");
    let hover = client.request("textDocument/hover", at(&u, line, col + 14));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.starts_with("**Pairing fails** (pain point `pairing`)"),
        "{text}"
    );
    assert!(
        text.contains("severity: medium") && text.contains("stage: Start"),
        "{text}"
    );

    // The outline: stages and their items.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": u}}),
    );
    let stage = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Start")
        .unwrap();
    let children: Vec<&str> = stage["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        children,
        [
            "Card reader app",
            "Web form",
            "Pairing fails",
            "Pair by QR code"
        ]
    );
}

#[test]
fn rename_changes_every_reference_across_files() {
    let (_dir, root) = workspace(&[
        ("library.yaml", LIBRARY),
        ("first.yaml", FIRST),
        ("second.yaml", SECOND),
    ]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("library.yaml"));
    client.diagnostics(&u);
    let (line, col) = find(LIBRARY, "id: sam");
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": u}, "position": {"line": line, "character": col + 5}, "newName": "самуил"}),
    );
    let changes = edit["changes"].as_object().unwrap();
    let count = |file: &str| changes[&uri(&root.join(file))].as_array().unwrap().len();
    assert_eq!(
        (
            count("library.yaml"),
            count("first.yaml"),
            count("second.yaml")
        ),
        (1, 1, 2)
    );
    let (fline, fcol) = find(FIRST, "[sam]");
    assert_eq!(
        changes[&uri(&root.join("first.yaml"))][0],
        json!({"range": range(fline, fcol + 1, fcol + 4), "newText": "самуил"})
    );

    // A map id, cited as a parent in another file.
    let first = client.open(&root.join("first.yaml"));
    client.diagnostics(&first);
    let (line, col) = find(FIRST, "id: first");
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": first}, "position": {"line": line, "character": col + 4}, "newName": "first-steps"}),
    );
    let (pline, pcol) = find(SECOND, "parent: first");
    assert_eq!(
        edit["changes"][&uri(&root.join("second.yaml"))],
        json!([{"range": range(pline, pcol + 8, pcol + 13), "newText": "first-steps"}])
    );

    // A name that clashes, or that is no id, is refused.
    let (line, col) = find(FIRST, "id: web-form");
    let refused = client.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": first}, "position": {"line": line, "character": col + 5}, "newName": "reader-app"}),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already exists"),
        "{refused}"
    );
    let refused = client.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": first}, "position": {"line": line, "character": col + 5}, "newName": "two words"}),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cannot be an id"),
        "{refused}"
    );
}

#[test]
fn code_actions_fix_typos_allow_rules_and_create_items() {
    let (_dir, root) = workspace(&[("m.yaml", CYRILLIC_MAP)]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("m.yaml"));
    let found = client.diagnostics(&u);
    let typo = found
        .iter()
        .find(|d| d["code"] == "unknown-touchpoint")
        .unwrap()
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": typo["range"], "context": {"diagnostics": [typo]}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Replace with `витрина`", "Create the touchpoint `витринa`"]
    );
    assert_eq!(
        actions[0]["edit"]["changes"][&u],
        json!([{"range": typo["range"], "newText": "витрина"}])
    );
    let created = actions[1]["edit"]["changes"][&u][0]["newText"]
        .as_str()
        .unwrap();
    assert_eq!(created, "      - id: витринa\n        name: витринa\n");
}

#[test]
fn a_broken_file_does_not_stop_the_others() {
    let (_dir, root) = workspace(&[
        ("first.yaml", FIRST),
        ("bad.yaml", "cjm: 1\nstages: [\n\t- {\n"),
    ]);
    let mut client = Client::start(&root);
    let bad = client.open(&root.join("bad.yaml"));
    let first = client.open(&root.join("first.yaml"));
    assert!(!client.diagnostics(&bad).is_empty());
    let found = client.diagnostics(&first);
    let errors: Vec<&str> = found
        .iter()
        .filter(|d| d["severity"] == 1)
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // Without the library, the persona and research cannot be found; the rest is fine.
    assert_eq!(errors, ["unknown-persona", "unknown-research"]);
    // Requests on the broken file, at places that do not exist, are answered.
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
    ] {
        let r = client.call(method, at(&bad, 99, 99));
        assert!(r.get("error").is_none(), "{method}: {r}");
    }
    let r = client.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": "untitled:1"}}),
    );
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid parameters"),
        "{r}"
    );
}

#[test]
fn the_workspace_config_and_unsaved_libraries_apply() {
    let (_dir, root) = workspace(&[
        ("library.yaml", LIBRARY),
        ("first.yaml", FIRST),
        (
            "cjm.toml",
            "[rules]\nunranked-opportunity = \"error\"\nstage-without-metrics = \"off\"\n",
        ),
    ]);
    let mut client = Client::start(&root);
    let first = client.open(&root.join("first.yaml"));
    let codes = |found: &[Value]| -> Vec<(String, i64)> {
        found
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["severity"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let found = codes(&client.diagnostics(&first));
    assert!(
        found.contains(&("unranked-opportunity".into(), 1)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(c, _)| c == "stage-without-metrics"),
        "{found:?}"
    );

    // The library's unsaved text is what the map is checked against.
    let lib = client.open(&root.join("library.yaml"));
    client.diagnostics(&lib);
    client.diagnostics(&first);
    let (line, col) = find(LIBRARY, "id: interviews");
    client.change(&lib, 2, range(line, col + 4, col + 14), "talks");
    let found = client.diagnostics(&first);
    let unknown: Vec<&Value> = found
        .iter()
        .filter(|d| d["code"] == "unknown-research")
        .collect();
    assert_eq!(unknown.len(), 1, "{found:?}");

    // A file changed on disk behind the editor's back is read again.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": lib}}),
    );
    client.diagnostics(&first);
    std::fs::write(
        root.join("library.yaml"),
        LIBRARY.replace("id: sam", "id: someone"),
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": lib, "type": 2}]}),
    );
    let found = client.diagnostics(&first);
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(
        codes.contains(&"unknown-persona") && !codes.contains(&"unknown-research"),
        "{codes:?}"
    );
}

const TEA: &str = include_str!("../examples/tea-order-zh.yaml");

#[test]
fn chinese_ids_derived_from_names_navigate_and_refuse_renaming() {
    let (_dir, root) = workspace(&[("tea.yaml", TEA)]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("tea.yaml"));
    let found = client.diagnostics(&u);
    assert!(found.iter().all(|d| d["severity"] != 1), "{found:?}");

    // The id comes from the name, so the definition is the name.
    let (line, col) = find(TEA, "[叫号屏太小看不清]");
    let def = client.request("textDocument/definition", at(&u, line, col + 3));
    let (dline, dcol) = find(TEA, "name: 叫号屏太小看不清");
    assert_eq!(
        def,
        json!([{"uri": u, "range": range(dline, dcol + 6, dcol + 6 + 8)}])
    );
    let hover = client.request("textDocument/hover", at(&u, line, col + 3));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("severity: medium") && text.contains("stage: 取餐"),
        "{text}"
    );

    let refused = client.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": u}, "position": {"line": line, "character": col + 3}, "newName": "小屏"}),
    );
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("write an `id:` for it first"),
        "{refused}"
    );
    let items = client.request("textDocument/completion", at(&u, line, col + 1));
    assert!(
        items
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["label"] == "叫号屏太小看不清"),
        "{items}"
    );
}

#[test]
fn the_allow_action_silences_the_finding() {
    let (_dir, root) = workspace(&[("library.yaml", LIBRARY), ("first.yaml", FIRST)]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("first.yaml"));
    let found = client.diagnostics(&u);
    let lint = found
        .iter()
        .find(|d| d["code"] == "touchpoint-without-owner")
        .unwrap()
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": lint["range"], "context": {"diagnostics": [lint]}}),
    );
    assert_eq!(
        actions[0]["title"],
        "Allow `touchpoint-without-owner` here (with a reason)"
    );
    let edit = &actions[0]["edit"]["changes"][&u][0];
    assert_eq!(
        edit["newText"],
        "        # cjm: allow touchpoint-without-owner -- reason\n"
    );
    client.change(
        &u,
        2,
        edit["range"].clone(),
        edit["newText"].as_str().unwrap(),
    );
    let after = client.diagnostics(&u);
    let left = after
        .iter()
        .filter(|d| d["code"] == "touchpoint-without-owner")
        .count();
    assert_eq!(left, 1, "one of the two touchpoints is silenced: {after:?}");
    assert_eq!(after.len(), found.len() - 1);
}

const RICHER: &str = "cjm: 1
title: Renting a flat
type: current-state
personas:
  - id: maya
    name: Maya
  - id: tom
    name: Tom
phases:
  - id: find
    name: Finding a flat
    stages: [search, viewing]
lanes:
  - id: feelings
    name: What they feel
    kind: text
  - id: quotes
    name: In their words
    kind: quote
    after: feelings
stages:
  - id: search
    name: Search
    emotion: {maya: -1, tom: 1}
    lanes:
      feelings: Hopeful
  - id: viewing
    name: Viewing
    touchpoints:
      - name: Open house
        emotion: {maya: 1, tom: -1}
    lanes:
      feelings: Rushed
      quotes: Twenty people in one flat
";

/// Phases, custom lanes and per-persona emotions are ids like any other: they
/// navigate, hover, rename with the rest, show in the outline and complete.
#[test]
fn phases_lanes_and_persona_emotions_navigate() {
    let (_dir, root) = workspace(&[("rent.yaml", RICHER)]);
    let mut client = Client::start(&root);
    let u = client.open(&root.join("rent.yaml"));
    let errors: Vec<Value> = client
        .diagnostics(&u)
        .into_iter()
        .filter(|d| d["severity"] == 1)
        .collect();
    assert_eq!(errors, Vec::<Value>::new());
    let refs_at = |client: &mut Client, needle: &str, offset: u32| {
        let (line, col) = find(RICHER, needle);
        let refs = client.request(
            "textDocument/references",
            json!({"textDocument": {"uri": u}, "position": {"line": line, "character": col + offset},
                   "context": {"includeDeclaration": true}}),
        );
        let mut lines: Vec<u64> = refs
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["range"]["start"]["line"].as_u64().unwrap() + 1)
            .collect();
        lines.sort();
        lines
    };
    // `feelings`: defined on line 14, after `quotes` names it (20), two stages fill it.
    assert_eq!(refs_at(&mut client, "id: feelings", 5), [14, 20, 26, 33]);
    // `maya`: her definition and her three emotions.
    assert_eq!(refs_at(&mut client, "id: maya", 5), [5, 24, 31]);
    // A phase's stage list cites the stages.
    assert_eq!(refs_at(&mut client, "id: viewing", 5), [12, 27]);

    let (line, col) = find(RICHER, "quotes: Twenty");
    let def = client.request("textDocument/definition", at(&u, line, col + 2));
    let (dline, dcol) = find(RICHER, "id: quotes");
    assert_eq!(
        def,
        json!([{"uri": u, "range": range(dline, dcol + 4, dcol + 10)}])
    );
    let (line, col) = find(RICHER, "id: find");
    let hover = client.request("textDocument/hover", at(&u, line, col + 5));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.starts_with("**Finding a flat** (phase `find`)")
            && text.contains("`search`, `viewing`"),
        "{text}"
    );

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": u}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Maya",
            "Tom",
            "Finding a flat",
            "What they feel",
            "In their words",
            "Search",
            "Viewing"
        ]
    );

    // `after: ` offers the built-in lanes and the map's own.
    let (line, col) = find(RICHER, "after: feelings");
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": u}, "position": {"line": line, "character": col + 7}}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"feelings") && labels.contains(&"pain_points"),
        "{labels:?}"
    );
}
