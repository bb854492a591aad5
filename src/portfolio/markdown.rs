//! The portfolio as Markdown, for `$GITHUB_STEP_SUMMARY` or a pull-request comment:
//! counts, top pain points, opportunities by priority, stale maps and owners' load.
//! Every user string goes through [`markdown`], so a map cannot inject links or HTML.

use std::fmt::Write;

use super::{Portfolio, Review};
use crate::model::Level;
use crate::render::text::markdown;
use crate::report::count;

/// Rows shown in the pain point and opportunity tables; the rest are counted.
pub const TOP: usize = 10;

fn level(l: Option<Level>) -> &'static str {
    l.map_or("—", Level::as_str)
}

fn opt(s: Option<&str>) -> String {
    s.map_or("—".to_string(), markdown)
}

pub fn print(p: &Portfolio) -> String {
    let mut out = String::new();
    let title = |i: usize| p.maps.get(i).map_or(String::new(), |m| markdown(&m.title));
    out.push_str("## Journey map portfolio\n\n");
    let _ = writeln!(out, "{}\n", p.headline());

    out.push_str("### Maps by type\n\n| Type | Maps |\n| --- | ---: |\n");
    for (kind, n) in &p.by_type {
        let _ = writeln!(out, "| {kind} | {n} |");
    }

    out.push_str("\n### Top pain points\n\n");
    if p.pain_points.is_empty() {
        out.push_str("No open pain points.\n");
    } else {
        out.push_str(
            "| Severity | Pain point | Stage | Map | Owner |\n| --- | --- | --- | --- | --- |\n",
        );
        for x in p.pain_points.iter().take(TOP) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                level(x.severity),
                markdown(&x.name),
                markdown(&x.stage),
                title(x.map),
                opt(x.owner.as_deref())
            );
        }
        more(&mut out, p.pain_points.len());
    }

    out.push_str("\n### Opportunities by priority\n\n");
    if p.opportunities.is_empty() {
        out.push_str("No opportunities.\n");
    } else {
        out.push_str("| Impact | Effort | Opportunity | Status | Owner | Map |\n| --- | --- | --- | --- | --- | --- |\n");
        for o in p.opportunities.iter().take(TOP) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                level(o.impact),
                level(o.effort),
                markdown(&o.name),
                o.status.as_str(),
                opt(o.owner.as_deref()),
                title(o.map)
            );
        }
        more(&mut out, p.opportunities.len());
    }

    out.push_str("\n### Stale and unreviewed maps\n\n");
    let stale = p.stale();
    let unreviewed = p.unreviewed();
    if stale.is_empty() && unreviewed.is_empty() {
        out.push_str("Every map has been reviewed recently.\n");
    } else {
        out.push_str("| Map | Reviewed | Age | Owner |\n| --- | --- | ---: | --- |\n");
        for &i in stale.iter().chain(&unreviewed) {
            let m = &p.maps[i];
            let (reviewed, age) = match (m.review, m.reviewed, m.age_days) {
                (Review::Stale, Some(d), Some(age)) => (d.to_string(), format!("{age} days")),
                _ => ("never".to_string(), "—".to_string()),
            };
            let _ = writeln!(
                out,
                "| {} | {reviewed} | {age} | {} |",
                markdown(&m.title),
                opt(m.owner.as_deref())
            );
        }
    }

    out.push_str("\n### Owners' load\n\n");
    if p.owners.is_empty() {
        out.push_str("No owners are named.\n");
    } else {
        out.push_str("| Owner | Maps | Touchpoints | Open pain points | Opportunities |\n| --- | ---: | ---: | ---: | ---: |\n");
        for o in p.owners_by_load() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                markdown(&o.owner),
                o.maps.len(),
                o.touchpoints.len(),
                o.pain_points,
                o.opportunities
            );
        }
    }

    let unreadable = p.unreadable();
    if !unreadable.is_empty() {
        out.push_str("\n### Maps with errors\n\n");
        for &i in &unreadable {
            let m = &p.maps[i];
            let _ = writeln!(
                out,
                "- {} ({})",
                markdown(&m.path),
                count(m.tally.errors, "error", "errors")
            );
        }
        out.push_str("\nRun `cjm validate` on them to see why.\n");
    }
    out
}

fn more(out: &mut String, total: usize) {
    if total > TOP {
        let _ = writeln!(out, "\n…and {} more.", total - TOP);
    }
}
