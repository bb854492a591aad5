//! What the preview serves: a map's HTML page, or a folder's whole site, built in memory
//! with the renderers `cjm render` and `cjm site` use, each HTML page with the small
//! script that reloads it on change. A map with errors gets a page of its errors.

use std::path::Path;

use crate::check::{self, Input};
use crate::config::Config;
use crate::render::text::xml;
use crate::settings::Options;

/// Served paths (without the leading `/`) and their bytes.
pub type Pages = Vec<(String, Vec<u8>)>;

/// The URL of the event stream the pages listen to.
pub const EVENTS: &str = "/__cjm/events";

const RELOAD: &str =
    "<script>new EventSource(\"/__cjm/events\").onmessage=function(){location.reload()};</script>";

pub fn build(target: &Path) -> Pages {
    // A library saved since the last build must be read again.
    crate::check::library::forget_discovered();
    let pages = if target.is_dir() {
        folder(target)
    } else {
        vec![("index.html".to_string(), map(target).into_bytes())]
    };
    pages
        .into_iter()
        .map(|(path, bytes)| {
            if path.ends_with(".html") {
                (path, with_reload(bytes))
            } else {
                (path, bytes)
            }
        })
        .collect()
}

fn with_reload(bytes: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&bytes);
    match text.rfind("</body>") {
        Some(i) => format!("{}{RELOAD}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{RELOAD}").into_bytes(),
    }
}

/// One map as its HTML page, or its errors.
fn map(path: &Path) -> String {
    let input = Input::File(path.to_path_buf());
    let checked = check::check_input(&input, &Config::default(), &Options::default());
    match checked.map {
        Some(map) if !checked.report.has_errors_beyond_lint() => crate::render::html::render(&map),
        _ if checked.report.library.is_some() => errors_page(
            &checked.report.path,
            "is a shared library (`type: library`), not a map: preview a map that uses it, or the folder",
            "",
        ),
        _ => {
            let mut text = String::new();
            for d in checked
                .report
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
            {
                crate::report::human::diagnostic(&mut text, &checked.report.path, d);
            }
            errors_page(
                &checked.report.path,
                "has errors, so it is not drawn; fix them and save",
                &text,
            )
        }
    }
}

fn errors_page(path: &str, what: &str, findings: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"/><title>{title}</title></head>\n<body>\n<h1>Errors</h1>\n<p><code>{title}</code> {what}</p>\n<pre id=\"errors\">{findings}</pre>\n</body>\n</html>\n",
        title = xml(path),
        what = xml(what),
        findings = xml(findings),
    )
}

/// A folder as the site `cjm site` writes (its map pages list a broken map's errors).
fn folder(dir: &Path) -> Pages {
    let collected = crate::inputs::collect(&[dir.to_path_buf()]);
    let inputs = collected.inputs();
    let config = Config::default();
    let options = Options::default();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let entries = crate::portfolio::load::check(&inputs, &config, &options, &done);
    let portfolio = crate::portfolio::Portfolio::build(&entries, options.today);
    crate::site::build(&entries, &portfolio)
}

/// The content type of a served path.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("png") => "image/png",
        _ => "text/plain; charset=utf-8",
    }
}
