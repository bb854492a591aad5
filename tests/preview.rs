//! `cjm preview` as a browser sees it: plain HTTP/1.1 over a TcpStream, with timeouts so
//! a hung server fails the test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MAP: &str = "cjm: 1
id: tea
title: Ordering tea
type: current-state
stages:
  - id: order
    name: Order at the counter
    touchpoints:
      - id: counter
        name: Counter
";

struct Preview {
    child: Child,
    port: u16,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(path: &std::path::Path) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cjm"))
        .arg("preview")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let port = first
        .trim()
        .strip_prefix("http://127.0.0.1:")
        .and_then(|r| r.strip_suffix('/'))
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("not a URL: {first:?}"));
    Preview { child, port }
}

fn connect(port: u16) -> TcpStream {
    let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s
}

/// The status line and the body of `GET target`.
fn get(port: u16, target: &str) -> (String, String) {
    let mut s = connect(port);
    write!(s, "GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    let status = response.lines().next().unwrap_or("").to_string();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serves_the_map_and_reloads_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tea.yaml");
    std::fs::write(&path, MAP).unwrap();
    let preview = start(&path);

    let (status, body) = get(preview.port, "/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("Order at the counter"), "{body}");
    assert!(body.contains("new EventSource(\"/__cjm/events\")"));

    // Listen for the reload, then save a change.
    let mut events = connect(preview.port);
    write!(
        events,
        "GET /__cjm/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut events = BufReader::new(events);
    let mut line = String::new();
    events.read_line(&mut line).unwrap();
    assert_eq!(line.trim_end(), "HTTP/1.1 200 OK");
    loop {
        line.clear();
        events.read_line(&mut line).unwrap();
        if line.starts_with(": connected") {
            break;
        }
    }
    let saved = Instant::now();
    std::fs::write(
        &path,
        MAP.replace("Order at the counter", "Order by the app"),
    )
    .unwrap();
    loop {
        line.clear();
        events.read_line(&mut line).unwrap();
        if line.trim_end() == "data: reload" {
            break;
        }
        assert!(!line.is_empty(), "the event stream closed");
    }
    println!("reload event {:?} after the save", saved.elapsed());
    let (_, body) = get(preview.port, "/");
    assert!(body.contains("Order by the app") && !body.contains("Order at the counter"));

    // A map with errors shows them, not the stale picture.
    std::fs::write(&path, MAP.replace("name: Counter", "nmae: Counter")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let body = loop {
        let (_, body) = get(preview.port, "/");
        if body.contains("<h1>Errors</h1>") || Instant::now() > deadline {
            break body;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        body.contains("unknown-key") && !body.contains("Order by the app"),
        "{body}"
    );
}

#[test]
fn refuses_paths_outside_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tea.yaml"), MAP).unwrap();
    let preview = start(dir.path());
    let (status, body) = get(preview.port, "/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("Ordering tea"), "{body}");
    for bad in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/maps/%2E%2E/%2e%2e/etc/passwd",
    ] {
        let (status, _) = get(preview.port, bad);
        assert_eq!(status, "HTTP/1.1 403 Forbidden", "{bad}");
    }
    // DNS rebinding: a request for another site's name is refused.
    let mut s = connect(preview.port);
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: evil.example:{}\r\n\r\n",
        preview.port
    )
    .unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 403"), "{response}");
    let (status, _) = get(preview.port, "/tea.yaml");
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    let mut s = connect(preview.port);
    write!(s, "POST / HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 405"), "{response}");
}

#[test]
fn a_saved_library_shows_on_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let library = "cjm: 1\ntype: library\ntitle: Shared\npersonas:\n  - id: sam\n    name: Sam, runs a bakery\n";
    std::fs::write(dir.path().join("library.yaml"), library).unwrap();
    let map = MAP.replace("stages:", "personas: [sam]\nstages:");
    std::fs::write(dir.path().join("tea.yaml"), map).unwrap();
    let preview = start(&dir.path().join("tea.yaml"));
    let (_, body) = get(preview.port, "/");
    assert!(body.contains("Sam, runs a bakery"), "{body}");
    std::fs::write(
        dir.path().join("library.yaml"),
        library.replace("Sam, runs a bakery", "Sam, runs two bakeries"),
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, body) = get(preview.port, "/");
        if body.contains("Sam, runs two bakeries") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the library edit never showed: {body}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
