//! The map as Markdown for git hosts: title and metadata, personas, a Mermaid journey
//! (drawn by GitHub and GitLab), a table per stage, opportunities ranked by impact and
//! effort, and metrics against targets. Every user string is escaped, so no HTML, link,
//! image or table break passes through.

use std::fmt::Write;

use super::View;
use super::document::{self, Block, Document, Line, Row, Style, Table};
use super::text::{clean, markdown as md};
use crate::model::Map;

/// A link only for web and mail addresses, with the characters that could end it encoded.
fn link(name: &str, url: Option<&str>) -> String {
    match url.filter(|u| super::svg::safe_url(u)) {
        Some(u) => {
            let u: String = clean(u)
                .chars()
                .map(|c| match c {
                    '(' => "%28".to_string(),
                    ')' => "%29".to_string(),
                    ' ' => "%20".to_string(),
                    '<' => "%3C".to_string(),
                    '>' => "%3E".to_string(),
                    '|' => "%7C".to_string(),
                    '[' => "%5B".to_string(),
                    ']' => "%5D".to_string(),
                    '"' => "%22".to_string(),
                    c => c.to_string(),
                })
                .collect();
            format!("[{}]({u})", md(name))
        }
        None => md(name),
    }
}

/// The map as Markdown, every lane and cjm's own words.
pub fn render(map: &Map) -> String {
    render_view(map, &View::default())
}

/// The map as Markdown, as `view` asks.
pub fn render_view(map: &Map, view: &View) -> String {
    print(&document::build(map, view), map)
}

fn print(doc: &Document, map: &Map) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&doc.title));
    if !doc.meta.is_empty() {
        let parts: Vec<String> = doc.meta.iter().map(line).collect();
        let _ = writeln!(out, "{}\n", parts.join(" · "));
    }
    if let Some(d) = &doc.description {
        let _ = writeln!(out, "{}\n", md(d));
    }
    for section in &doc.sections {
        let _ = writeln!(out, "## {}\n", md(&section.heading));
        for b in &section.blocks {
            block(&mut out, b, map);
        }
    }
    let (generated, id) = &doc.footer;
    let _ = writeln!(
        out,
        "<sub>{generated} `{}`.</sub>",
        clean(id).replace('`', "'")
    );
    out
}

fn block(out: &mut String, b: &Block, map: &Map) {
    match b {
        Block::Paragraph(l) => {
            let _ = writeln!(out, "{}\n", line(l));
        }
        Block::List { ordered, items } => {
            for (i, (item, subs)) in items.iter().enumerate() {
                if *ordered {
                    let _ = writeln!(out, "{}. {}", i + 1, line(item));
                } else {
                    let _ = writeln!(out, "- {}", line(item));
                }
                for sub in subs {
                    let _ = writeln!(out, "  - {}", line(sub));
                }
            }
            out.push('\n');
        }
        Block::Table(t) => table(out, t),
        Block::Part(heading, blocks) => {
            let _ = writeln!(out, "### {}\n", md(heading));
            for b in blocks {
                block(out, b, map);
            }
        }
        Block::Journey => {
            let _ = writeln!(out, "```mermaid\n{}```\n", super::mermaid::render(map));
        }
    }
}

fn table(out: &mut String, t: &Table) {
    let head: Vec<String> = t.head.iter().map(|h| md(h)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(t.head.len()));
    for row in &t.rows {
        match row {
            Row::Cells(cells) => {
                let printed: Vec<String> = cells
                    .iter()
                    .enumerate()
                    .map(|(i, cell)| {
                        if cell.is_empty() {
                            return "—".to_string();
                        }
                        let text = cell.iter().map(line).collect::<Vec<_>>().join("<br>");
                        if i == 0 && t.row_headers {
                            format!("**{text}**")
                        } else {
                            text
                        }
                    })
                    .collect();
                let _ = writeln!(out, "| {} |", printed.join(" | "));
            }
            Row::Line(label) => {
                let rest = " |".repeat(t.head.len().saturating_sub(1));
                let _ = writeln!(out, "| *— {} —* |{rest}", md(label));
            }
        }
    }
    out.push('\n');
}

fn line(runs: &Line) -> String {
    let mut out = String::new();
    for r in runs {
        match &r.style {
            Style::Plain => out.push_str(&md(&r.text)),
            Style::Label | Style::Muted => out.push_str(&label(&r.text)),
            Style::Strong => {
                let _ = write!(out, "**{}**", md(&r.text));
            }
            Style::Em => {
                let _ = write!(out, "*{}*", md(&r.text));
            }
            Style::Struck => {
                let _ = write!(out, "~~{}~~", md(&r.text));
            }
            Style::Code => {
                let _ = write!(out, "`{}`", clean(&r.text).replace('`', "'"));
            }
            Style::Link(u) => out.push_str(&link(&r.text, Some(u))),
        }
    }
    out
}

/// cjm's own words: escaped, but without the escapes that only guard against a user's
/// text forming links or lists (brackets and backticks stay escaped, so nothing can).
fn label(text: &str) -> String {
    md(text)
        .replace("&#58;", ":")
        .replace("\\(", "(")
        .replace("\\)", ")")
        .replace("\\-", "-")
        .replace("\\+", "+")
}
