//! The portfolio for the terminal: the same sections as the Markdown report, as aligned
//! columns under bold headings (the colour filter strips the bold when not a terminal).

use std::fmt::Write;

use anstyle::Style;
use unicode_width::UnicodeWidthStr;

use super::Portfolio;
use super::markdown::TOP;
use crate::model::Level;
use crate::render::text::clean;
use crate::report::count;

fn level(l: Option<Level>) -> String {
    l.map_or("—", Level::as_str).to_string()
}

fn opt(s: Option<&str>) -> String {
    s.map_or("—".to_string(), clean)
}

/// Columns a name may take before it is cut with `…`, so rows stay on one line.
const NAME_COLUMNS: usize = 48;

/// `s` cleaned and cut to `max` terminal columns.
fn fit(s: &str, max: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let s = clean(s);
    if s.width() <= max {
        return s;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

fn heading(out: &mut String, text: &str) {
    let bold = Style::new().bold();
    let _ = writeln!(out, "\n{bold}{text}{bold:#}");
}

/// Rows as columns padded to the widest cell, two spaces apart, indented.
fn table(out: &mut String, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::from("  ");
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                let pad = widths.get(c).copied().unwrap_or(0) - cell.width() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

fn more(out: &mut String, total: usize) {
    if total > TOP {
        let _ = writeln!(out, "  …and {} more", total - TOP);
    }
}

pub fn print(p: &Portfolio) -> String {
    let mut out = String::new();
    let title = |i: usize| {
        p.maps
            .get(i)
            .map_or(String::new(), |m| fit(&m.title, NAME_COLUMNS))
    };
    let _ = writeln!(out, "{}", p.headline());

    heading(&mut out, "Maps by type");
    let rows: Vec<Vec<String>> = p
        .by_type
        .iter()
        .map(|(k, n)| vec![(*k).to_string(), n.to_string()])
        .collect();
    table(&mut out, &rows);

    heading(&mut out, "Top pain points");
    if p.pain_points.is_empty() {
        out.push_str("  none open\n");
    } else {
        let rows: Vec<Vec<String>> = p
            .pain_points
            .iter()
            .take(TOP)
            .map(|x| {
                vec![
                    level(x.severity),
                    fit(&x.name, NAME_COLUMNS),
                    format!("{} › {}", title(x.map), fit(&x.stage, 24)),
                    opt(x.owner.as_deref()),
                ]
            })
            .collect();
        table(&mut out, &rows);
        more(&mut out, p.pain_points.len());
    }

    heading(&mut out, "Opportunities by priority (impact/effort)");
    if p.opportunities.is_empty() {
        out.push_str("  none\n");
    } else {
        let rows: Vec<Vec<String>> = p
            .opportunities
            .iter()
            .take(TOP)
            .map(|o| {
                vec![
                    format!("{}/{}", level(o.impact), level(o.effort)),
                    fit(&o.name, NAME_COLUMNS),
                    o.status.as_str().to_string(),
                    opt(o.owner.as_deref()),
                    title(o.map),
                ]
            })
            .collect();
        table(&mut out, &rows);
        more(&mut out, p.opportunities.len());
    }

    heading(&mut out, "Stale and unreviewed maps");
    let stale = p.stale();
    let unreviewed = p.unreviewed();
    if stale.is_empty() && unreviewed.is_empty() {
        out.push_str("  every map has been reviewed recently\n");
    } else {
        let rows: Vec<Vec<String>> = stale
            .iter()
            .chain(&unreviewed)
            .filter_map(|&i| p.maps.get(i))
            .map(|m| {
                let when = match (m.reviewed, m.age_days) {
                    (Some(d), Some(age)) => format!("reviewed {d}, {age} days ago"),
                    _ => "never reviewed".to_string(),
                };
                vec![fit(&m.title, NAME_COLUMNS), when, opt(m.owner.as_deref())]
            })
            .collect();
        table(&mut out, &rows);
    }

    heading(
        &mut out,
        "Owners' load (maps, touchpoints, open pain points, opportunities)",
    );
    if p.owners.is_empty() {
        out.push_str("  no owners are named\n");
    } else {
        let rows: Vec<Vec<String>> = p
            .owners_by_load()
            .into_iter()
            .map(|o| {
                vec![
                    clean(&o.owner),
                    o.maps.len().to_string(),
                    o.touchpoints.len().to_string(),
                    o.pain_points.to_string(),
                    o.opportunities.to_string(),
                ]
            })
            .collect();
        table(&mut out, &rows);
    }

    let unreadable = p.unreadable();
    if !unreadable.is_empty() {
        heading(&mut out, "Maps with errors (run `cjm validate` on them)");
        let rows: Vec<Vec<String>> = unreadable
            .iter()
            .filter_map(|&i| p.maps.get(i))
            .map(|m| vec![clean(&m.path), count(m.tally.errors, "error", "errors")])
            .collect();
        table(&mut out, &rows);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fit;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn long_names_are_cut_to_their_columns() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a name that is long", 10), "a name th…");
        let cut = fit("奶茶店小程序点单旅程", 9);
        assert!(cut.width() <= 9, "{cut}");
        assert!(cut.ends_with('…'));
    }
}
