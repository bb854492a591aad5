//! The portfolio as a static website: an index of maps, a page per map, a diff page per
//! future state, a page per persona, the backlog (with the impact × effort matrix),
//! owners and health.
//!
//! [`build`] is pure: checked maps and their facts in, `(path, bytes)` out, sorted by
//! path, so the same input gives the same bytes; `cli/site.rs` writes them. Pages are
//! well-formed XHTML-style HTML, link to each other with relative links only, and load
//! nothing from outside (styles and the small sorting script are inline), so the site
//! works from `file://` and from any static host.

mod map_page;
mod matrix;
mod pages;

use std::collections::HashSet;

use crate::model::slug;
use crate::portfolio::{Entry, Portfolio};
use crate::render::text::xml;

/// The file that marks a folder as a cjm site, so a later run may replace it.
pub const MARKER: &str = ".cjm-site";

/// Every file of the site, as `(path relative to the site, content)`, sorted by path.
pub fn build(entries: &[Entry], portfolio: &Portfolio) -> Vec<(String, Vec<u8>)> {
    let names = Names::new(portfolio);
    let mut files: Vec<(String, String)> = vec![
        (
            MARKER.to_string(),
            "This folder is a site written by `cjm site`; the next run replaces it whole.\n"
                .to_string(),
        ),
        ("index.html".to_string(), pages::index(portfolio, &names)),
        (
            "backlog.html".to_string(),
            pages::backlog(portfolio, &names),
        ),
        ("owners.html".to_string(), pages::owners(portfolio, &names)),
        (
            "health.html".to_string(),
            pages::health(entries, portfolio, &names),
        ),
        (
            "personas.html".to_string(),
            pages::personas(portfolio, &names),
        ),
    ];
    for (i, persona) in portfolio.personas.iter().enumerate() {
        files.push((
            format!("personas/{}.html", names.personas[i]),
            pages::persona(persona, portfolio, &names),
        ));
    }
    files.extend(map_pages(entries, portfolio, &names));
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(p, s)| (p, s.into_bytes()))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// The page of every map, and the diff page of every map with a baseline, drawn on all
/// cores (drawing is most of a site's time); the order is the maps' order.
fn map_pages(entries: &[Entry], portfolio: &Portfolio, names: &Names) -> Vec<(String, String)> {
    let pages_of = |i: usize, entry: &Entry| {
        let mut out = vec![(
            format!("maps/{}.html", names.maps[i]),
            map_page::map(i, entry, portfolio, names),
        )];
        if let Some(page) = map_page::diff(i, entries, portfolio, names) {
            out.push((format!("diffs/{}.html", names.maps[i]), page));
        }
        out
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(entries.len().max(1));
    let chunk = entries.len().div_ceil(workers).max(1);
    if workers <= 1 {
        return entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| pages_of(i, e))
            .collect();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                s.spawn(move || {
                    part.iter()
                        .enumerate()
                        .flat_map(|(k, e)| pages_of(c * chunk + k, e))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// File names of map and persona pages: slugs of their ids, made unique without regard
/// to case (as macOS and Windows compare names) by a `-2`, `-3`… suffix.
pub struct Names {
    pub maps: Vec<String>,
    pub personas: Vec<String>,
}

impl Names {
    fn new(p: &Portfolio) -> Names {
        Names {
            maps: unique(p.maps.iter().map(|m| m.id.as_str()), "map"),
            personas: unique(p.personas.iter().map(|x| x.id.as_str()), "persona"),
        }
    }

    /// The link from a page `root` levels deep (`""` or `"../"`) to map `i`'s page.
    pub fn map(&self, root: &str, i: usize) -> String {
        format!(
            "{root}maps/{}.html",
            self.maps.get(i).map_or("", String::as_str)
        )
    }

    /// The link to map `i`'s diff page against its baseline.
    pub fn diff(&self, root: &str, i: usize) -> String {
        format!(
            "{root}diffs/{}.html",
            self.maps.get(i).map_or("", String::as_str)
        )
    }

    /// The link to the persona with `id`, when it has a page.
    pub fn persona(&self, p: &Portfolio, root: &str, id: &str) -> Option<String> {
        let i = p
            .personas
            .binary_search_by(|x| x.id.as_str().cmp(id))
            .ok()?;
        Some(format!("{root}personas/{}.html", self.personas.get(i)?))
    }
}

fn unique<'a>(ids: impl Iterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.map(|id| {
        let base: String = slug(id).chars().take(80).collect();
        let base = if base.is_empty() {
            fallback.to_string()
        } else if is_reserved(&base) {
            format!("{base}-{fallback}")
        } else {
            base
        };
        let mut name = base.clone();
        let mut n = 1;
        while !seen.insert(name.to_lowercase()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        name
    })
    .collect()
}

/// Names Windows refuses for a file whatever its extension (`con.html` included).
fn is_reserved(name: &str) -> bool {
    let lower = name.to_lowercase();
    matches!(lower.as_str(), "con" | "prn" | "aux" | "nul")
        || ((lower.starts_with("com") || lower.starts_with("lpt"))
            && lower.len() == 4
            && lower.ends_with(|c: char| c.is_ascii_digit()))
}

/// An id as an HTML fragment: letters, digits, `-` and `_` kept, anything else written
/// as `.XX` hex, so the same text goes in `id="…"` and in `href="#…"`.
pub fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for c in id.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!(".{b:02X}"));
            }
        }
    }
    out
}

/// Styles the pages add to the single-page style of `cjm render --format html`.
const SITE_STYLE: &str = "nav{display:flex;flex-wrap:wrap;gap:1rem;padding:.6rem 0;border-bottom:1px solid #d9e2ec;margin-bottom:1rem}\
nav a{text-decoration:none;color:#243b53;font-weight:600}nav a[aria-current]{color:#0b69a3;border-bottom:2px solid #0b69a3}\
a{color:#0b69a3}.fit svg{max-width:100%;height:auto}.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-size:.8rem;background:#f0f4f8}\
.stale{background:#ffe3e3;color:#8a1c1c}.sev-critical{background:#8a1c1c;color:#fff}.sev-high{background:#ffe3e3;color:#8a1c1c}.sev-medium{background:#fff3c4;color:#8d6708}.sev-low{background:#e3f8ff;color:#0b69a3}\
.num{text-align:right}form.filters{display:flex;flex-wrap:wrap;gap:.8rem;margin:.5rem 0}form.filters label{font-size:.9rem;color:#52606d}\
th[data-dir]::after{content:' ▲'}th[data-dir=desc]::after{content:' ▼'}pre.findings{white-space:pre-wrap;background:#f8fafc;padding:.8rem;border:1px solid #d9e2ec}";

/// Sorting by a click on a column head and filtering by the form above a table; the
/// page reads fine without it. Written without `<` or `&`, inside CDATA all the same.
const SCRIPT: &str = "(function(){var each=function(l,f){Array.prototype.forEach.call(l,f);};\
each(document.querySelectorAll('table.sortable thead th'),function(th){th.style.cursor='pointer';th.addEventListener('click',function(){\
var t=th.closest('table'),b=t.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th),d=th.getAttribute('data-dir')==='asc'?'desc':'asc';\
each(th.parentNode.children,function(h){h.removeAttribute('data-dir');});th.setAttribute('data-dir',d);\
var key=function(r){var c=r.cells[i];return c?(c.getAttribute('data-sort')||c.textContent):'';};\
var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){var r=key(x).localeCompare(key(y),undefined,{numeric:true});return d==='asc'?r:-r;});\
each(rows,function(r){b.appendChild(r);});});});\
each(document.querySelectorAll('form.filters'),function(f){var t=document.getElementById(f.getAttribute('data-table'));if(!t){return;}\
var apply=function(){var fields=Array.prototype.filter.call(f.elements,function(e){return e.name;});\
each(t.tBodies[0].rows,function(r){r.hidden=!fields.every(function(e){var v=e.value.toLowerCase();if(!v){return true;}\
var have=(r.getAttribute('data-'+e.name)||r.textContent).toLowerCase();return e.tagName==='SELECT'?have===v:have.indexOf(v)!==-1;});});};\
f.addEventListener('input',apply);f.addEventListener('change',apply);f.addEventListener('submit',function(e){e.preventDefault();});f.hidden=false;});})();";

/// The navigation: (file, label).
const NAV: [(&str, &str); 5] = [
    ("index.html", "Maps"),
    ("backlog.html", "Backlog"),
    ("personas.html", "Personas"),
    ("owners.html", "Owners"),
    ("health.html", "Health"),
];

/// A whole page: `root` is the way back to the site's top (`""` or `"../"`), `current`
/// the navigation entry it is (if any), `title` plain text, `body` markup.
pub fn page(root: &str, current: &str, title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 8192);
    let title = xml(title);
    out.push_str("<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"cjm\"/>\n");
    out.push_str(&format!(
        "<title>{title}</title>\n<style>{}{SITE_STYLE}</style>\n</head>\n<body>\n<nav>",
        crate::render::html::STYLE
    ));
    for (file, label) in NAV {
        let here = if file == current {
            " aria-current=\"page\""
        } else {
            ""
        };
        out.push_str(&format!("<a href=\"{root}{file}\"{here}>{label}</a>"));
    }
    out.push_str(&format!("</nav>\n<h1>{title}</h1>\n"));
    out.push_str(body);
    out.push_str(&format!(
        "<footer>Generated by cjm.</footer>\n<script>//<![CDATA[\n{SCRIPT}\n//]]></script>\n</body>\n</html>\n"
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::{anchor, unique};

    #[test]
    fn names_are_unique_without_regard_to_case() {
        let names = unique(
            ["Checkout", "checkout", "!!!", "", "a/b"].into_iter(),
            "map",
        );
        assert_eq!(names, ["checkout", "checkout-2", "map", "map-2", "a-b"]);
    }

    /// Links between pictures (`./ID.svg`) become links between map pages.
    #[test]
    fn sibling_pictures_become_map_pages() {
        use crate::check::{Input, check_bytes};
        use crate::portfolio::{Entry, Portfolio};
        let entry = |name: &str| {
            let yaml =
                format!("cjm: 1\ntitle: {name}\ntype: current-state\nstages:\n  - name: A\n");
            let checked = check_bytes(
                &Input::File(format!("{name}.yaml").into()),
                yaml.into_bytes(),
                &crate::config::Config::default(),
                &crate::settings::Options::default(),
            );
            Entry {
                report: checked.report,
                map: checked.map,
                stale_after_days: 365,
            }
        };
        let entries = [entry("parent"), entry("child")];
        let p = Portfolio::build(&entries, crate::date::Date::today());
        let names = super::Names::new(&p);
        let svg = r#"<a href="./child.svg">x</a><a href="./gone.svg">y</a><a href="https://e.org/">z</a>"#;
        assert_eq!(
            super::map_page::relink(svg, &p, &names),
            r#"<a href="../maps/child.html">x</a><a href="../index.html">y</a><a href="https://e.org/">z</a>"#
        );
    }

    #[test]
    fn anchors_keep_letters_and_encode_the_rest() {
        assert_eq!(anchor("opp-", "late-slot"), "opp-late-slot");
        assert_eq!(anchor("opp-", "a\"b#c"), "opp-a.22b.23c");
        assert_eq!(anchor("", "下单"), "下单");
    }
}
