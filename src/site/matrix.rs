//! The impact × effort matrix: a 3 × 3 grid (effort low → high across, impact high →
//! low down), each ranked opportunity a labelled point linked to its map.
//!
//! Collisions are avoided by construction: the points of a cell are stacked one per
//! row, labels cut to the cell's width with `…`, and what does not fit becomes a
//! "+N more" row linking to the table below.

use std::fmt::Write;

use super::{Names, anchor};
use crate::model::Level;
use crate::portfolio::{Portfolio, Status};
use crate::render::text::{Face, wrap, xml};

const LEFT: f64 = 96.0;
const TOP: f64 = 12.0;
const CELL_W: f64 = 300.0;
const CELL_H: f64 = 190.0;
const BOTTOM: f64 = 56.0;
const ROW: f64 = 19.0;
const FONT: f64 = 12.0;

const LEVELS: [Level; 3] = [Level::Low, Level::Medium, Level::High];

pub fn svg(p: &Portfolio, names: &Names) -> String {
    let width = LEFT + 3.0 * CELL_W + 12.0;
    let height = TOP + 3.0 * CELL_H + BOTTOM;
    let mut out = String::with_capacity(16 * 1024);
    // The pictures' font stack: labels are cut to fit with its advances.
    let family = crate::render::svg::FONT;
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-labelledby=\"matrix-title\" font-family=\"{family}\" font-size=\"{FONT:.0}\">\n<title id=\"matrix-title\">Opportunities by impact and effort</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    // Cells: quick wins (high impact, low effort) in green, the far corner in grey.
    for (row, impact) in LEVELS.iter().rev().enumerate() {
        for (col, effort) in LEVELS.iter().enumerate() {
            let x = LEFT + col as f64 * CELL_W;
            let y = TOP + row as f64 * CELL_H;
            let fill = match (*impact as i32) - (*effort as i32) {
                2 | 1 => "#e3f9e5",
                0 => "#f8fafc",
                _ => "#f0f4f8",
            };
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{CELL_W:.1}\" height=\"{CELL_H:.1}\" fill=\"{fill}\" stroke=\"#bcccdc\"/>"
            );
        }
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#2f8132\" font-size=\"11\">Quick wins</text>",
        LEFT + CELL_W - 6.0,
        TOP + CELL_H - 6.0
    );
    for (row, impact) in LEVELS.iter().rev().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#52606d\">{}</text>",
            LEFT - 8.0,
            TOP + row as f64 * CELL_H + CELL_H / 2.0,
            impact.as_str()
        );
    }
    for (col, effort) in LEVELS.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#52606d\">{}</text>",
            LEFT + col as f64 * CELL_W + CELL_W / 2.0,
            TOP + 3.0 * CELL_H + 18.0,
            effort.as_str()
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"600\" fill=\"#243b53\">Effort →</text>\n<text x=\"16\" y=\"{:.1}\" text-anchor=\"middle\" font-weight=\"600\" fill=\"#243b53\" transform=\"rotate(-90 16 {:.1})\">Impact →</text>",
        LEFT + 1.5 * CELL_W,
        TOP + 3.0 * CELL_H + 42.0,
        TOP + 1.5 * CELL_H,
        TOP + 1.5 * CELL_H
    );

    // The legend: what the colours of the points mean.
    let ly = TOP + 3.0 * CELL_H + 42.0;
    let lx = LEFT + 3.0 * CELL_W - 220.0;
    for (k, (colour, word)) in [
        ("#0b69a3", "open"),
        ("#9aa5b1", "done"),
        ("#d9dee3", "dropped"),
    ]
    .into_iter()
    .enumerate()
    {
        let x = lx + k as f64 * 70.0;
        let _ = writeln!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"#52606d\">{word}</text>",
            ly - 4.0,
            x + 10.0,
        );
    }
    let capacity = ((CELL_H - 10.0) / ROW).floor() as usize;
    for (row, impact) in LEVELS.iter().rev().enumerate() {
        for (col, effort) in LEVELS.iter().enumerate() {
            // Already in priority order, then map order.
            let here: Vec<_> = p
                .opportunities
                .iter()
                .filter(|o| o.impact == Some(*impact) && o.effort == Some(*effort))
                .collect();
            let x0 = LEFT + col as f64 * CELL_W;
            let y0 = TOP + row as f64 * CELL_H;
            let shown = if here.len() > capacity {
                capacity - 1
            } else {
                here.len()
            };
            for (k, o) in here.iter().take(shown).enumerate() {
                let cy = y0 + 14.0 + k as f64 * ROW;
                let map_title = p.maps.get(o.map).map_or("", |m| m.title.as_str());
                let (lines, _) = wrap(&o.name, FONT, Face::Regular, CELL_W - 34.0, 1);
                let label = lines.into_iter().next().unwrap_or_default();
                let colour = match o.status {
                    Status::Open => "#0b69a3",
                    Status::Done => "#9aa5b1",
                    Status::Dropped => "#d9dee3",
                };
                let _ = writeln!(
                    out,
                    "<a href=\"{}#{}\"><title>{} — {} ({})</title><circle cx=\"{:.1}\" cy=\"{cy:.1}\" r=\"5\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#1f2933\">{}</text></a>",
                    names.map("", o.map),
                    anchor("opp-", &o.id),
                    xml(&o.name),
                    xml(map_title),
                    o.status.as_str(),
                    x0 + 14.0,
                    x0 + 26.0,
                    cy + 4.0,
                    xml(&label)
                );
            }
            if here.len() > shown {
                let cy = y0 + 14.0 + shown as f64 * ROW;
                let _ = writeln!(
                    out,
                    "<a href=\"#opps\"><text x=\"{:.1}\" y=\"{:.1}\" fill=\"#52606d\" font-style=\"italic\">+{} more in the table</text></a>",
                    x0 + 26.0,
                    cy + 4.0,
                    here.len() - shown
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::svg;
    use crate::check::{Input, check_bytes};
    use crate::config::Config;
    use crate::portfolio::{Entry, Portfolio};
    use crate::settings::Options;

    /// A crowded cell: points one per row, none overlapping, long labels cut, the rest
    /// counted in a "+N more" row; every point links to its opportunity.
    #[test]
    fn a_crowded_cell_stacks_cuts_and_counts() {
        let mut yaml = String::from(
            "cjm: 1\ntitle: Crowded\ntype: current-state\nstages:\n  - name: Buy\n    opportunities:\n",
        );
        for i in 0..30 {
            yaml.push_str(&format!(
                "      - name: Opportunity {i} with a name far too long to fit in one cell of the matrix\n        impact: high\n        effort: low\n"
            ));
        }
        let checked = check_bytes(
            &Input::File("crowded.yaml".into()),
            yaml.into_bytes(),
            &Config::default(),
            &Options::default(),
        );
        assert!(
            !checked.report.has_errors_beyond_lint(),
            "{:?}",
            checked.report.diagnostics
        );
        let entries = [Entry {
            report: checked.report,
            map: checked.map,
            stale_after_days: 365,
        }];
        let p = Portfolio::build(&entries, crate::date::Date::today());
        let names = super::super::Names::new(&p);
        let out = svg(&p, &names);
        let doc = roxmltree::Document::parse(&out).expect("well-formed SVG");
        let ys: Vec<f64> = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .filter_map(|n| n.attribute("cy")?.parse().ok())
            .collect();
        // Three legend circles (open, done, dropped), then the points of the cell.
        let points = &ys[3..];
        assert!(points.len() > 3 && points.len() < 30, "{}", points.len());
        assert!(
            points.windows(2).all(|w| w[1] - w[0] >= 2.0 * 5.0),
            "{points:?}"
        );
        assert!(
            out.contains(&format!("+{} more", 30 - points.len())),
            "{out}"
        );
        assert!(out.contains("…"), "long labels are not cut");
        let links = doc
            .descendants()
            .filter(|n| n.has_tag_name("a"))
            .filter(|n| {
                n.attribute("href")
                    .is_some_and(|h| h.starts_with("maps/crowded.html#opp-"))
            })
            .count();
        assert_eq!(links, points.len());
    }
}
