//! Text fits its cell: every example is rendered to SVG, laid out by usvg (what the PNG
//! and PDF draw) with the bundled DejaVu Sans faces, and every text run's box must stay
//! inside the cell it belongs to: the innermost drawn `<rect>` holding the text's anchor
//! point, narrowed to its stage's column inside a lane. Only the bundled faces are
//! loaded, so the test reads nothing outside the repository and means the same on every
//! machine: Latin and Cyrillic are measured exactly; CJK, which no bundled face draws,
//! comes out as narrower "missing glyph" boxes and cannot fail the test.

use std::process::Command;
use std::sync::Arc;

use resvg::usvg;

/// Pixels a box may stick out (rounding in the drawing, the font's side bearings).
const TOLERANCE: f64 = 1.0;

/// The stage headers' fills (and a diff's added and removed stages): their rects
/// mark the columns.
const LANE_FILLS: [&str; 2] = ["#ffffff", "#f8fafc"];

#[derive(Clone, Copy, Debug)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn contains(&self, x: f64, y: f64) -> bool {
        self.x0 <= x && x <= self.x1 && self.y0 <= y && y <= self.y1
    }
    fn holds(&self, inner: &Rect) -> bool {
        inner.x0 >= self.x0 - TOLERANCE
            && inner.x1 <= self.x1 + TOLERANCE
            && inner.y0 >= self.y0 - TOLERANCE
            && inner.y1 <= self.y1 + TOLERANCE
    }
    fn area(&self) -> f64 {
        (self.x1 - self.x0) * (self.y1 - self.y0)
    }
}

fn fonts() -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf").to_vec());
    db.load_font_data(include_bytes!("../../assets/fonts/DejaVuSans-Bold-subset.ttf").to_vec());
    db.set_sans_serif_family("DejaVu Sans");
    Arc::new(db)
}

fn number(node: roxmltree::Node, name: &str) -> Option<f64> {
    node.attribute(name)?.parse().ok()
}

/// Every text run that leaves its cell, in words.
fn spills(svg: &str, fonts: &Arc<usvg::fontdb::Database>) -> Vec<String> {
    // Number the text elements so usvg's nodes can be matched with the source's.
    let mut numbered = String::with_capacity(svg.len() + 4096);
    for (i, piece) in svg.split("<text ").enumerate() {
        if i > 0 {
            numbered.push_str(&format!("<text id=\"fit{}\" ", i - 1));
        }
        numbered.push_str(piece);
    }
    let doc = roxmltree::Document::parse(&numbered).expect("the SVG is XML");
    let root = doc.root_element();
    let canvas = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: number(root, "width").expect("a width"),
        y1: number(root, "height").expect("a height"),
    };
    let mut rects = Vec::new();
    let mut lanes = Vec::new();
    let mut columns = Vec::new();
    for r in doc.descendants().filter(|n| n.has_tag_name("rect")) {
        let (Some(x), Some(y), Some(w), Some(h)) = (
            number(r, "x"),
            number(r, "y"),
            number(r, "width"),
            number(r, "height"),
        ) else {
            continue;
        };
        let rect = Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        };
        if r.attribute("rx").is_none() {
            if LANE_FILLS.contains(&r.attribute("fill").unwrap_or("")) {
                lanes.push(rects.len());
            } else {
                // A stage header: its column runs to the next one (2 px apart).
                columns.push((x, x + w + 2.0, y));
            }
        }
        rects.push(rect);
    }
    // The lane labels' column, left of the first stage.
    if let (Some(first), Some(&lane)) =
        (columns.iter().map(|c| c.0).reduce(f64::min), lanes.first())
    {
        columns.push((rects[lane].x0, first, f64::NEG_INFINITY));
    }

    let tree = usvg::Tree::from_str(
        &numbered,
        &usvg::Options {
            fontdb: fonts.clone(),
            ..usvg::Options::default()
        },
    )
    .expect("usvg reads the SVG");
    let mut boxes = std::collections::HashMap::new();
    collect(tree.root(), &mut boxes);

    assert!(!boxes.is_empty(), "usvg laid out no text: no font?");
    let mut out = Vec::new();
    for (i, t) in doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .enumerate()
    {
        let id = format!("fit{i}");
        assert_eq!(t.attribute("id"), Some(id.as_str()));
        let Some(b) = boxes.get(&id) else {
            continue; // nothing drawn (only spaces)
        };
        let (x, y) = (number(t, "x").unwrap_or(0.0), number(t, "y").unwrap_or(0.0));
        let mut cell = (0..rects.len())
            .filter(|&k| rects[k].contains(x, y))
            .min_by(|&a, &b| rects[a].area().total_cmp(&rects[b].area()));
        let mut bounds = cell.map_or(canvas, |k| rects[k]);
        // Inside a lane, a text belongs to its stage's column.
        if let Some(k) = cell.filter(|k| lanes.contains(k)) {
            if let Some(&(x0, x1, _)) = columns
                .iter()
                .find(|&&(x0, x1, top)| x0 <= x && x < x1 && top < y)
            {
                bounds.x0 = bounds.x0.max(x0);
                bounds.x1 = bounds.x1.min(x1);
            }
            cell = Some(k);
        }
        if !bounds.holds(b) {
            let text = t.text().unwrap_or("");
            out.push(format!(
                "`{text}` ({:.1}..{:.1} × {:.1}..{:.1}) leaves its cell ({:.1}..{:.1} × {:.1}..{:.1}, rect {cell:?})",
                b.x0, b.x1, b.y0, b.y1, bounds.x0, bounds.x1, bounds.y0, bounds.y1
            ));
        }
    }
    out
}

fn collect(group: &usvg::Group, boxes: &mut std::collections::HashMap<String, Rect>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect(g, boxes),
            usvg::Node::Text(t) => {
                let b = t.abs_bounding_box();
                boxes.insert(
                    t.id().to_string(),
                    Rect {
                        x0: f64::from(b.left()),
                        y0: f64::from(b.top()),
                        x1: f64::from(b.right()),
                        y1: f64::from(b.bottom()),
                    },
                );
            }
            _ => {}
        }
    }
}

fn render(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cjm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cjm runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every map under `examples/`, the library file aside.
fn examples() -> Vec<String> {
    let mut maps = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("examples")];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(root.join(&dir)).expect("examples/ lists") {
            let path = dir.join(entry.expect("an entry").file_name());
            if root.join(&path).is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml")
                && path.file_stem().is_some_and(|s| s != "library")
            {
                maps.push(path.to_string_lossy().into_owned());
            }
        }
    }
    maps.sort();
    maps
}

#[test]
fn every_text_run_stays_inside_its_cell() {
    let fonts = fonts();
    let maps = examples();
    assert!(maps.len() >= 9, "{maps:?}");
    let mut failures = Vec::new();
    for map in &maps {
        let svg = render(&["render", "--format", "svg", map]);
        failures.extend(
            spills(&svg, &fonts)
                .into_iter()
                .map(|s| format!("{map}: {s}")),
        );
    }
    let diff = render(&[
        "diff",
        "examples/grocery-current.yaml",
        "examples/grocery-future.yaml",
        "--format",
        "svg",
    ]);
    failures.extend(
        spills(&diff, &fonts)
            .into_iter()
            .map(|s| format!("diff: {s}")),
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_spilling_stage_header_is_caught() {
    // The checker itself: a header too narrow for its name fails.
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" font-family="Inter, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/><rect x="10" y="10" width="80" height="40" fill="#243b53"/><text x="20" y="30" font-size="15" font-weight="600">Пересмотр заявки</text><text x="20" y="80" font-size="15">Below the grid</text></svg>"##;
    let found = spills(svg, &fonts());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("Пересмотр"), "{found:?}");
}
