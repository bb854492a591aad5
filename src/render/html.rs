//! The map as one self-contained HTML page: the SVG picture inline, then what the
//! Markdown document says (metadata, personas, stages, ranked opportunities, metrics)
//! as HTML. No script, no external resource: it opens offline and can be mailed or
//! attached to a ticket. The markup is well-formed XML too, so tests parse it.

use std::fmt::Write;

use super::View;
use super::document::{self, Block, Line, Row, Section, Style, Table};
use super::labels::Labels;
use super::text::xml;
use crate::model::Map;

pub(crate) const STYLE: &str = "body{font-family:system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1f2933;margin:2rem auto;max-width:80rem;padding:0 1.5rem;line-height:1.45}\
figure{margin:1.5rem 0}figure svg{display:block;width:100%;max-width:100%;height:auto}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #d9e2ec;padding:.45rem .6rem;text-align:left;vertical-align:top}\
th{background:#f0f4f8}.meta{color:#52606d}.muted{color:#7b8794}s{color:#7b8794}\
ul.plain{list-style:none;padding:0;margin:0}tr.line td{border-left:0;border-right:0;border-top:2px dashed #486581;color:#486581;font-style:italic;font-size:.85rem;padding:.1rem .6rem}footer{color:#7b8794;font-size:.85rem;margin-top:2rem}";

/// The map as one page, every lane and cjm's own words.
pub fn render(map: &Map) -> String {
    render_view(map, &View::default())
}

/// The map as one page, as `view` asks. The picture fills the page's width (no
/// sideways scroll) and leaves out its own title block, which the page already shows.
pub fn render_view(map: &Map, view: &View) -> String {
    let doc = document::build(map, view);
    let theme = &view.theme;
    let mut out = String::with_capacity(64 * 1024);
    let title = xml(&doc.title);
    let lang = map.lang.as_deref().map_or("und".to_string(), xml);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"cjm\"/>\n<title>{title}</title>\n<style>{STYLE}h1{{color:{}}}a{{color:{}}}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        theme.title, theme.link
    );
    if !doc.meta.is_empty() {
        let parts: Vec<String> = doc.meta.iter().map(line).collect();
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", parts.join(" · "));
    }
    if let Some(d) = &doc.description {
        let _ = writeln!(out, "<p>{}</p>", xml(d));
    }
    let bare = View {
        bare: true,
        ..view.clone()
    };
    let _ = writeln!(
        out,
        "<figure>\n{}</figure>",
        super::svg::render_view(map, &super::svg::Overlay::default(), &bare)
    );
    for s in &doc.sections {
        section(&mut out, s);
    }
    let (generated, id) = &doc.footer;
    let _ = writeln!(
        out,
        "<footer>{} <code>{}</code>.</footer>\n</body>\n</html>",
        xml(generated),
        xml(id)
    );
    out
}

/// The metrics table: value, target (and which way is better) and status per metric.
/// The site's map pages use it too.
pub fn metrics(map: &Map, l: &Labels) -> String {
    let mut out = String::new();
    if let Some(s) = document::metrics(map, l) {
        section(&mut out, &s);
    }
    out
}

fn section(out: &mut String, s: &Section) {
    if s.blocks.iter().all(|b| *b == Block::Journey) {
        return;
    }
    let _ = writeln!(out, "<h2>{}</h2>", xml(&s.heading));
    for b in &s.blocks {
        block(out, b);
    }
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Paragraph(l) => {
            let _ = writeln!(out, "<p>{}</p>", line(l));
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for (item, subs) in items {
                let _ = write!(out, "<li>{}", line(item));
                for sub in subs {
                    let _ = write!(out, "<br/>{}", line(sub));
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Table(t) => table(out, t),
        Block::Part(heading, blocks) => {
            let _ = writeln!(out, "<h3>{}</h3>", xml(heading));
            for b in blocks {
                block(out, b);
            }
        }
        Block::Journey => {}
    }
}

fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for h in &t.head {
        let _ = write!(out, "<th>{}</th>", xml(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        match row {
            Row::Cells(cells) => {
                out.push_str("<tr>");
                for (i, cell) in cells.iter().enumerate() {
                    let content = match cell.as_slice() {
                        [] => "<span class=\"muted\">—</span>".to_string(),
                        [one] => line(one),
                        many => {
                            let items: String = many
                                .iter()
                                .map(|l| format!("<li>{}</li>", line(l)))
                                .collect();
                            format!("<ul class=\"plain\">{items}</ul>")
                        }
                    };
                    if i == 0 && t.row_headers {
                        let _ = write!(out, "<th scope=\"row\">{content}</th>");
                    } else {
                        let _ = write!(out, "<td>{content}</td>");
                    }
                }
                out.push_str("</tr>\n");
            }
            Row::Line(label) => {
                let _ = writeln!(
                    out,
                    "<tr class=\"line\"><td colspan=\"{}\">{}</td></tr>",
                    t.head.len().max(1),
                    xml(label)
                );
            }
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn line(runs: &Line) -> String {
    let mut out = String::new();
    for r in runs {
        let text = xml(&r.text);
        let _ = match &r.style {
            Style::Plain | Style::Label => write!(out, "{text}"),
            Style::Strong => write!(out, "<strong>{text}</strong>"),
            Style::Em => write!(out, "<em>{text}</em>"),
            Style::Struck => write!(out, "<s>{text}</s>"),
            Style::Code => write!(out, "<code>{text}</code>"),
            Style::Muted => write!(out, "<span class=\"muted\">{text}</span>"),
            Style::Link(u) => write!(
                out,
                "<a href=\"{}\" rel=\"noopener noreferrer\">{text}</a>",
                xml(u)
            ),
        };
    }
    out
}
