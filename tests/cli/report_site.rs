//! `cjm report` and `cjm site` over a folder of maps.

use crate::snap;

#[test]
fn report_markdown() {
    snap!(
        "report_markdown",
        &[
            "report",
            "examples/",
            "--format",
            "markdown",
            "--today=2026-11-23"
        ]
    );
}

#[test]
fn report_json() {
    snap!(
        "report_json",
        &[
            "report",
            "examples/",
            "--format",
            "json",
            "--today=2026-11-23"
        ]
    );
}

#[test]
fn report_human() {
    snap!(
        "report_human",
        &["report", "examples/", "--today=2026-11-23"]
    );
}

/// Stale and unreviewed maps, a broken map, owners and findings: the sections that the
/// examples leave empty.
#[test]
fn report_mixed_folder() {
    snap!(
        "report_mixed_folder",
        &[
            "report",
            "tests/fixtures/report/",
            "--format",
            "markdown",
            "--today=2026-11-23"
        ]
    );
}

#[test]
fn report_missing_path_cannot_run() {
    snap!(
        "report_missing_path",
        &["report", "no/such/folder", "--format", "json"]
    );
}

/// The JSON report is the documented contract: every field the doc comment names is there.
#[test]
fn report_json_matches_its_documented_shape() {
    let run = crate::cjm(&["report", "examples/", "--format", "json"], None);
    let json: serde_json::Value =
        serde_json::from_str(crate::stdout_of(&run)).expect("the report is JSON");
    assert_eq!(json["version"], 1);
    for key in [
        "today",
        "counts",
        "maps",
        "pain_points",
        "opportunities",
        "owners",
        "lint",
        "stale",
        "unreviewed",
    ] {
        assert!(json.get(key).is_some(), "missing `{key}`");
    }
    let futures = json["maps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "grocery-current")
        .unwrap()["futures"]
        .clone();
    assert_eq!(futures, serde_json::json!(["grocery-future"]));
}

/// Every file of a folder, by path below it.
fn files_of(root: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn parse<'a>(name: &str, text: &'a str) -> roxmltree::Document<'a> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .unwrap_or_else(|e| panic!("`{name}` is not well-formed: {e}"))
}

fn ids(doc: &roxmltree::Document) -> std::collections::HashSet<String> {
    doc.descendants()
        .filter_map(|n| n.attribute("id"))
        .map(str::to_string)
        .collect()
}

fn build_site(out: &std::path::Path) -> String {
    site_of("examples/", out)
}

fn site_of(maps: &str, out: &std::path::Path) -> String {
    crate::cjm(
        &[
            "site",
            maps,
            "-o",
            out.to_str().unwrap(),
            "--today=2026-11-23",
        ],
        None,
    )
}

/// The site of the examples: every page parses, every internal link and fragment
/// resolves, nothing is loaded from outside, and two runs give the same bytes.
#[test]
fn site_of_the_examples_is_whole_and_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    let run = build_site(&one);
    assert!(run.contains("exit: 0"), "{run}");
    assert!(build_site(&two).contains("exit: 0"));
    let files = files_of(&one);
    assert_eq!(files, files_of(&two), "two runs differ");
    for page in [
        "index.html",
        "backlog.html",
        "owners.html",
        "health.html",
        "personas.html",
        "maps/grocery-current.html",
        "diffs/grocery-future.html",
        "personas/busy-parent.html",
    ] {
        assert!(
            files.contains_key(page),
            "no `{page}` in {:?}",
            files.keys()
        );
    }
    let links = crawl(&files);
    assert!(links > 50, "only {links} links were followed");
}

/// A folder that is not a cjm site is never replaced; an earlier site is, whole.
#[test]
fn site_replaces_only_an_earlier_site() {
    let tmp = tempfile::tempdir().unwrap();
    let foreign = tmp.path().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    let run = build_site(&foreign);
    assert!(run.contains("exit: 2"), "{run}");
    assert!(run.contains("was not written by `cjm site`"), "{run}");
    assert_eq!(
        std::fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(std::fs::read_dir(&foreign).unwrap().count(), 1);

    let site = tmp.path().join("site");
    assert!(build_site(&site).contains("exit: 0"));
    std::fs::write(site.join("leftover.html"), "old").unwrap();
    assert!(build_site(&site).contains("exit: 0"));
    assert!(
        !site.join("leftover.html").exists(),
        "the old site was not replaced whole"
    );
    assert!(site.join("index.html").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

/// Parses every page of a site and follows every `href` and `src`; returns how many
/// internal links it followed.
fn crawl(files: &std::collections::BTreeMap<String, Vec<u8>>) -> usize {
    let pages: std::collections::BTreeMap<&str, String> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p.as_str(), String::from_utf8(b.clone()).unwrap()))
        .collect();
    let docs: std::collections::BTreeMap<&str, roxmltree::Document> =
        pages.iter().map(|(p, t)| (*p, parse(p, t))).collect();
    let mut links = 0;
    for (name, doc) in &docs {
        let mut seen = std::collections::HashSet::new();
        for id in doc.descendants().filter_map(|n| n.attribute("id")) {
            assert!(seen.insert(id), "`{name}`: the id `{id}` is used twice");
        }
        assert!(
            doc.descendants().any(|n| n.has_tag_name("title")),
            "`{name}` has no <title>"
        );
        let here = std::path::Path::new(name).parent().unwrap().to_path_buf();
        for node in doc.descendants().filter(|n| n.is_element()) {
            let tag = node.tag_name().name();
            for attr in ["href", "src"] {
                let Some(value) = node.attribute(attr) else {
                    continue;
                };
                if value.starts_with("http://") || value.starts_with("https://") {
                    assert!(
                        tag == "a",
                        "`{name}`: <{tag} {attr}=\"{value}\"> loads from outside"
                    );
                    continue;
                }
                assert!(!value.starts_with("//"), "`{name}`: `{value}`");
                if value.starts_with("mailto:") {
                    continue;
                }
                links += 1;
                let (file, fragment) = value.split_once('#').unwrap_or((value, ""));
                let target = if file.is_empty() {
                    name.to_string()
                } else {
                    let mut path = here.clone();
                    for part in file.split('/') {
                        match part {
                            ".." => assert!(path.pop(), "`{name}`: `{value}` leaves the site"),
                            "." | "" => {}
                            p => path.push(p),
                        }
                    }
                    path.to_string_lossy().replace('\\', "/")
                };
                assert!(
                    files.contains_key(&target),
                    "`{name}`: `{value}` points at `{target}`, which does not exist"
                );
                if !fragment.is_empty() {
                    let doc = docs.get(target.as_str()).unwrap_or_else(|| {
                        panic!("`{name}`: `{value}` has a fragment on a non-page")
                    });
                    assert!(
                        ids(doc).contains(fragment),
                        "`{name}`: `{value}`: `{target}` has no id `{fragment}`"
                    );
                }
            }
        }
    }
    links
}

/// Hostile strings, a broken map, stale and unreviewed maps: still a whole site, and
/// no user text becomes markup.
#[test]
fn site_of_a_mixed_folder_is_whole_and_inert() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let run = site_of("tests/fixtures/report/", &out);
    assert!(run.contains("exit: 0"), "{run}");
    assert!(
        run.contains("1 map has errors, so its page lists the findings instead of the map: `tests/fixtures/report/broken.yaml`"),
        "{run}"
    );
    let files = files_of(&out);
    assert!(crawl(&files) > 10);
    for (name, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("<b>"),
            "`{name}` lets a map's markup through"
        );
    }
    let index = String::from_utf8_lossy(&files["index.html"]).into_owned();
    assert!(index.contains("&lt;b&gt;|pipe|&lt;/b&gt;"), "{index}");
    assert!(
        index.contains("stale</span>"),
        "the stale map is not marked"
    );
}

#[test]
fn report_mixed_folder_json() {
    snap!(
        "report_mixed_folder_json",
        &[
            "report",
            "tests/fixtures/report/",
            "--format",
            "json",
            "--today=2026-11-23"
        ]
    );
}

#[test]
fn the_index_shows_the_journey_hierarchy_and_a_library_persona_page_lists_its_maps() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    build_site(&out);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let tree = index
        .split("id=\"hierarchy\"")
        .nth(1)
        .expect("a hierarchy section");
    let parent = tree.find("maps/business-banking.html").unwrap();
    let child = tree.find("maps/account-opening.html").unwrap();
    assert!(
        parent < child && tree.contains("maps/first-payments.html"),
        "{tree}"
    );
    // The persona defined once in the library, with the maps that use it.
    let personas = std::fs::read_dir(out.join("personas")).unwrap();
    let page = personas
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .find(|p| p.contains("Sam, runs a bakery"))
        .expect("a page for the library persona");
    for map in ["business-banking", "account-opening", "first-payments"] {
        assert!(
            page.contains(&format!("{map}.html")),
            "{map} missing: {page}"
        );
    }
    // Map pages read metrics as `cjm render` does: days to decision, lower is better.
    let map = std::fs::read_to_string(out.join("maps/account-opening.html")).unwrap();
    assert!(
        map.contains("(lower is better)") && map.contains("✗ behind"),
        "{map}"
    );
}

/// A persona's page shows that persona's own curve, on the map's own scale, not the
/// mean of every persona's.
#[test]
fn a_persona_page_shows_the_personas_own_emotions() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let run = site_of("tests/fixtures/personas/two-personas.yaml", &out);
    assert!(run.contains("exit: 0"), "{run}");
    let cells = |persona: &str| {
        let page = std::fs::read_to_string(out.join(format!("personas/{persona}.html"))).unwrap();
        assert!(
            page.contains("On this map's own scale, from 1 to 5."),
            "{page}"
        );
        let doc = parse("persona", &page);
        doc.descendants()
            .filter(|n| n.has_tag_name("td"))
            .filter_map(|n| n.text())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    // Search, Viewing, Contract: each persona's own, and the shared `emotion: 3`.
    assert_eq!(cells("maya"), ["2", "4", "3"]);
    assert_eq!(cells("tom"), ["4", "2", "3"]);
}
