//! A small HTTP/1.1 server on `std::net` for the preview: `GET` (and `HEAD`) of the built
//! pages and the event stream, nothing else. Paths are percent-decoded and refused when
//! any segment is `..` (or `.`, or holds a backslash or NUL), so no request reaches past
//! the pages, though they are in memory anyway.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use super::Shared;
use super::pages::{EVENTS, content_type};

/// Serves connections, each on its own thread, until the listener fails.
pub fn run(listener: TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let shared = shared.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &shared);
        });
    }
    Ok(())
}

/// What a request asks for.
#[derive(Debug, PartialEq)]
pub enum Route {
    Page(String),
    Events,
    Refused,
}

/// The route for a request target such as `/maps/a.html?x=1`.
pub fn route(target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = path.strip_prefix('/') else {
        return Route::Refused;
    };
    let Some(decoded) = crate::percent::decode(path).and_then(|b| String::from_utf8(b).ok()) else {
        return Route::Refused;
    };
    if format!("/{decoded}") == EVENTS {
        return Route::Events;
    }
    let bad = decoded
        .split('/')
        .any(|s| s == ".." || s == "." || s.contains(['\\', '\0']));
    if bad {
        return Route::Refused;
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        Route::Page(format!("{decoded}index.html"))
    } else {
        Route::Page(decoded)
    }
}

/// Whether a `Host` header names this machine: `127.0.0.1`, `localhost` or `[::1]`,
/// with any port.
pub fn local_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

fn handle(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers only `Host` matters; a request has no body worth reading.
    let mut line = String::new();
    let mut host = None;
    for _ in 0..100 {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("host")
        {
            host = Some(value.trim().to_string());
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
            true,
        );
    }
    // A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) must not
    // read the maps: only requests addressed to this machine by name are answered.
    if !host.as_deref().is_some_and(local_host) {
        return respond(&mut out, "403 Forbidden", "text/plain", b"refused\n", true);
    }
    match route(target) {
        Route::Refused => respond(&mut out, "403 Forbidden", "text/plain", b"refused\n", true),
        Route::Events => events(out, shared),
        Route::Page(path) => {
            let (_, pages) = shared.current();
            match pages.iter().find(|(p, _)| *p == path) {
                Some((_, bytes)) => respond(
                    &mut out,
                    "200 OK",
                    content_type(&path),
                    bytes,
                    method == "GET",
                ),
                None => respond(
                    &mut out,
                    "404 Not Found",
                    "text/plain",
                    b"not found\n",
                    true,
                ),
            }
        }
    }
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if with_body {
        out.write_all(body)?;
    }
    out.flush()
}

/// Server-sent events: a `reload` message at each rebuild, a comment now and then so a
/// closed tab ends the thread.
fn events(mut out: TcpStream, shared: &Shared) -> std::io::Result<()> {
    // The generation is taken before the client hears it is connected: a rebuild in
    // between is still a reload.
    let (mut seen, _) = shared.current();
    write!(
        out,
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n"
    )?;
    out.flush()?;
    loop {
        let now = shared.wait(seen, Duration::from_secs(15));
        if now == seen {
            out.write_all(b": ping\n\n")?;
        } else {
            seen = now;
            out.write_all(b"data: reload\n\n")?;
        }
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::{Route, local_host, route};

    #[test]
    fn only_local_hosts_are_answered() {
        assert!(local_host("127.0.0.1:8080") && local_host("localhost") && local_host("[::1]:1"));
        assert!(!local_host("evil.example:8080") && !local_host("127.0.0.1.evil.example"));
    }

    #[test]
    fn only_pages_are_routed() {
        assert_eq!(route("/"), Route::Page("index.html".into()));
        assert_eq!(route("/maps/a.html?x=1"), Route::Page("maps/a.html".into()));
        assert_eq!(route("/maps/"), Route::Page("maps/index.html".into()));
        assert_eq!(route("/__cjm/events"), Route::Events);
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/%2E%2E%2fCargo.toml",
            "/maps/../../x",
            "/a\\..\\b",
            "/%00",
            "/%zz",
            "http://example.com/",
            "",
        ] {
            assert_eq!(route(bad), Route::Refused, "{bad}");
        }
    }
}
