use crate::{cjm, snap};

const EXAMPLES: &[&str] = &[
    "ad-campaign",
    "bank-onboarding-ru",
    "clinic-blueprint",
    "grocery-current",
    "grocery-future",
    "insurance-claim",
    "tea-order-zh",
];

fn render(path: &str, format: &str) -> String {
    let out = cjm(&["render", path, "--format", format], None);
    assert!(out.contains("exit: 0\n"), "{out}");
    crate::stdout_of(&out).to_string()
}

/// Estimated text boxes must not overlap, and all text must lie inside the canvas.
pub fn assert_legible(svg: &str, name: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    assert!(
        root.children().any(|n| n.has_tag_name("title")),
        "{name}: no <title>"
    );
    assert!(
        root.children().any(|n| n.has_tag_name("desc")),
        "{name}: no <desc>"
    );
    let canvas_w: f64 = root.attribute("width").unwrap().parse().unwrap();
    let canvas_h: f64 = root.attribute("height").unwrap().parse().unwrap();
    let mut boxes: Vec<(f64, f64, f64, f64, String)> = Vec::new();
    for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let x: f64 = t.attribute("x").unwrap().parse().unwrap();
        let y: f64 = t.attribute("y").unwrap().parse().unwrap();
        let size: f64 = t.attribute("font-size").unwrap().parse().unwrap();
        let text = t.text().unwrap_or("");
        let face = cjm::render::text::Face::new(t.attribute("font-weight").is_some());
        let w = cjm::render::text::width(text, size, face);
        let b = (x, y - size * 0.8, x + w, y + size * 0.2, text.to_string());
        assert!(
            b.0 >= 0.0 && b.1 >= 0.0 && b.2 <= canvas_w && b.3 <= canvas_h,
            "{name}: `{text}` leaves the canvas"
        );
        for o in &boxes {
            let overlap = b.0 < o.2 - 0.5 && o.0 < b.2 - 0.5 && b.1 < o.3 - 0.5 && o.1 < b.3 - 0.5;
            assert!(!overlap, "{name}: `{}` overlaps `{}`", b.4, o.4);
        }
        boxes.push(b);
    }
    assert!(!boxes.is_empty());
}

#[test]
fn every_example_renders_to_legible_svg() {
    for name in EXAMPLES {
        let svg = render(&format!("examples/{name}.yaml"), "svg");
        assert_legible(&svg, name);
        insta::assert_snapshot!(format!("svg_{name}"), svg);
    }
    let va = render("tests/fixtures/realworld/veteran-journey.yaml", "svg");
    assert_legible(&va, "veteran-journey");
}

#[test]
fn rendering_is_deterministic() {
    let a = render("examples/grocery-current.yaml", "svg");
    let b = render("examples/grocery-current.yaml", "svg");
    assert_eq!(a, b);
}

#[test]
fn every_example_renders_to_markdown() {
    for name in EXAMPLES {
        insta::assert_snapshot!(
            format!("markdown_{name}"),
            render(&format!("examples/{name}.yaml"), "markdown")
        );
    }
}

#[test]
fn mermaid_is_the_journey_block_alone() {
    snap!(
        "mermaid_grocery",
        &[
            "render",
            "examples/grocery-current.yaml",
            "--format",
            "mermaid"
        ]
    );
}

#[test]
fn hostile_strings_render_inert_svg() {
    let svg = render("tests/fixtures/render/hostile.yaml", "svg");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            ![
                "script",
                "foreignObject",
                "iframe",
                "object",
                "embed",
                "image",
                "use"
            ]
            .contains(&tag),
            "<{tag}> in output"
        );
        for attr in node.attributes() {
            assert!(
                !attr.name().to_ascii_lowercase().starts_with("on"),
                "event attribute {}",
                attr.name()
            );
            if attr.name() == "href" {
                assert!(
                    attr.value().starts_with("https://"),
                    "href {}",
                    attr.value()
                );
            }
        }
    }
    assert!(!svg.contains('\u{202E}'), "bidi override passed through");
    insta::assert_snapshot!("svg_hostile", svg);
}

#[test]
fn hostile_strings_render_inert_markdown() {
    let md = render("tests/fixtures/render/hostile.yaml", "markdown");
    for bad in [
        "<script",
        "<img",
        "<b ",
        "<svg",
        "<a ",
        "<!--",
        "](javascript",
        "](data",
        "\u{202E}",
    ] {
        assert!(!md.contains(bad), "`{bad}` passed through:\n{md}");
    }
    // Each table row keeps its column count: no cell text breaks the table.
    for line in md.lines().filter(|l| l.starts_with("| **")) {
        let unescaped = line.replace("\\|", "");
        assert_eq!(unescaped.matches('|').count(), 6, "{line}");
    }
    // The Mermaid fence is closed only once, by cjm.
    assert_eq!(md.matches("```").count(), 2);
    insta::assert_snapshot!("markdown_hostile", md);
}

#[test]
fn output_files_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("map.md");
    let out = cjm(
        &[
            "render",
            "examples/grocery-current.yaml",
            "-o",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.contains("exit: 0\n"), "{out}");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Online grocery delivery")
    );

    let folder = dir.path().join("site");
    let out = cjm(
        &["render", "examples/", "-o", folder.to_str().unwrap()],
        None,
    );
    assert!(out.contains("exit: 0\n"), "{out}");
    for name in EXAMPLES {
        assert!(folder.join(format!("{name}.svg")).is_file(), "{name}.svg");
    }
    let leftovers: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");

    let out = cjm(&["render", "examples/", "-o", "-"], None);
    assert!(
        out.contains("exit: 2\n") && out.contains("several maps cannot share stdout"),
        "{out}"
    );
    let out = cjm(
        &[
            "render",
            "examples/grocery-current.yaml",
            "-o",
            dir.path().join("x.docx").to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.contains("exit: 2\n") && out.contains("cannot tell the format") && out.contains(".pdf"),
        "{out}"
    );
}

#[test]
fn a_map_with_errors_is_not_rendered_and_nothing_is_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.svg");
    std::fs::write(&target, "previous").unwrap();
    let out = cjm(
        &[
            "render",
            "tests/fixtures/schema/three-mistakes.yaml",
            "-o",
            target.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.contains("exit: 1\n"), "{out}");
    assert!(out.contains("error[unknown-key]"), "{out}");
    assert!(out.contains("has errors, so it was not rendered"), "{out}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "previous");
}

#[test]
fn the_readme_picture_is_up_to_date() {
    let svg = render("examples/grocery-current.yaml", "svg");
    let committed = std::fs::read_to_string("examples/grocery-current.svg").unwrap();
    assert!(
        svg == committed,
        "run `cargo run -- render examples/grocery-current.yaml -o examples/grocery-current.svg`"
    );
}

/// resvg parses and rasterises every example without error and paints more than the
/// white background (text too, where the machine has fonts in the folder loaded).
#[test]
fn resvg_draws_every_example() {
    let mut options = resvg::usvg::Options::default();
    options
        .fontdb_mut()
        .load_fonts_dir("/usr/share/fonts/truetype");
    for name in EXAMPLES {
        let svg = render(&format!("examples/{name}.yaml"), "svg");
        let tree =
            resvg::usvg::Tree::from_str(&svg, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let size = tree.size().to_int_size();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::default(),
            &mut pixmap.as_mut(),
        );
        let painted = pixmap
            .pixels()
            .iter()
            .filter(|p| p.red() < 200 || p.green() < 200 || p.blue() < 200)
            .count();
        assert!(
            painted > 1000,
            "{name}: almost nothing drawn ({painted} pixels)"
        );
    }
}

#[test]
fn several_maps_do_not_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.svg");
    let run = cjm(&["render", "examples", "-o", out.to_str().unwrap()], None);
    assert!(run.contains("exit: 2\n"), "{run}");
    assert!(run.contains("12 maps cannot share the file"), "{run}");
    assert!(!out.exists());
}

/// The page as XML (it is written well-formed), or a panic naming what broke.
fn parse_page(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the page is not well-formed: {e}"))
}

#[test]
fn html_is_one_self_contained_page_with_nothing_active() {
    for name in EXAMPLES
        .iter()
        .map(|n| format!("examples/{n}.yaml"))
        .chain(["tests/fixtures/render/hostile.yaml".to_string()])
    {
        let html = render(&name, "html");
        assert!(html.starts_with("<!DOCTYPE html>\n"), "{name}");
        let doc = parse_page(&html);
        for node in doc.descendants().filter(|n| n.is_element()) {
            let tag = node.tag_name().name();
            assert!(
                !matches!(
                    tag,
                    "script" | "iframe" | "object" | "embed" | "img" | "link" | "foreignObject"
                ),
                "{name}: <{tag}>"
            );
            for a in node.attributes() {
                assert!(
                    !a.name().starts_with("on"),
                    "{name}: {} on <{tag}>",
                    a.name()
                );
                assert!(a.name() != "src", "{name}: an external resource");
                if a.name() == "href" {
                    let v = a.value();
                    assert!(
                        v.starts_with("https://")
                            || v.starts_with("http://")
                            || v.starts_with("mailto:"),
                        "{name}: href {v}"
                    );
                }
            }
        }
        // The picture is inline, and the tables carry every stage.
        assert_eq!(
            doc.descendants().filter(|n| n.has_tag_name("svg")).count(),
            1
        );
        let rows = doc
            .descendants()
            .filter(|n| n.has_tag_name("th") && n.attribute("scope") == Some("row"))
            .count();
        assert!(rows >= 1, "{name}: no stage rows");
    }
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (be(16), be(20))
}

#[test]
fn png_is_the_picture_at_the_chosen_scale() {
    let dir = tempfile::tempdir().unwrap();
    let svg = render("examples/grocery-current.yaml", "svg");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let width: f32 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    for (scale, file) in [("1", "a.png"), ("2", "b.png")] {
        let out = dir.path().join(file);
        let run = cjm(
            &[
                "render",
                "examples/grocery-current.yaml",
                "--scale",
                scale,
                "-o",
                out.to_str().unwrap(),
            ],
            None,
        );
        assert!(run.contains("exit: 0\n"), "{run}");
        let (w, _) = png_size(&std::fs::read(&out).unwrap());
        let expected = (width * scale.parse::<f32>().unwrap()).ceil() as u32;
        assert_eq!(w, expected, "scale {scale}");
    }
    let bad = cjm(
        &[
            "render",
            "examples/grocery-current.yaml",
            "--format",
            "png",
            "--scale",
            "0",
        ],
        None,
    );
    assert!(
        bad.contains("exit: 2\n") && bad.contains("is not a scale"),
        "{bad}"
    );
}

#[test]
fn the_legend_explains_only_what_the_map_shows() {
    let bare = cjm(
        &["render", "-"],
        Some(b"cjm: 1\ntitle: Bare\ntype: experience\nstages:\n  - name: A\n    touchpoints: [{name: T}]\n"),
    );
    assert!(bare.contains("exit: 0\n"), "{bare}");
    assert!(
        !crate::stdout_of(&bare).contains(">Legend<"),
        "a lone legend heading"
    );
    let full = render("examples/grocery-current.yaml", "svg");
    assert!(full.contains(">Legend<") && full.contains(">emotion +2<"));
}

#[test]
fn scale_on_a_picture_that_is_not_a_png_is_a_warning() {
    let out = cjm(
        &[
            "render",
            "examples/grocery-current.yaml",
            "--format",
            "markdown",
            "--scale",
            "3",
        ],
        None,
    );
    assert!(out.contains("exit: 0\n"), "{out}");
    assert!(
        out.contains("warning: `--scale` sizes PNG output only; it is ignored here"),
        "{out}"
    );
}

#[test]
fn a_lower_is_better_metric_reads_as_off_target_in_every_output() {
    // Days to decision: 4 against a target of 1, lower is better.
    let map = "examples/portfolio/account-opening.yaml";
    let svg = cjm(&["render", map], None);
    assert!(svg.contains("4 → target 1, lower is better"), "{svg}");
    assert!(svg.contains("✗ behind"), "{svg}");
    assert!(!svg.contains(">✓ met<"), "{svg}");
    let md = cjm(&["render", map, "--format", "markdown"], None);
    assert!(
        md.contains(
            "| Wait for a decision | Days to decision | 4 | 1 (lower is better) | ✗ behind |"
        ),
        "{md}"
    );
    let html = cjm(&["render", map, "--format", "html"], None);
    assert!(html.contains("<td>✗ behind</td>"), "{html}");
    let diff = cjm(
        &["diff", "examples/portfolio/account-opening-future.yaml"],
        None,
    );
    assert!(diff.contains("exit: 0"), "{diff}");
}

#[test]
fn maps_in_russian_and_chinese_are_drawn_with_no_english_chrome() {
    let english = [
        "Stage",
        "Actions",
        "Thoughts",
        "Touchpoints",
        "Emotion",
        "Pain points",
        "Opportunities",
        "Metrics",
        "Legend",
        "Owner",
        "Reviewed",
        "Goals",
        "Frustrations",
        "target",
        "impact",
        "effort",
        "emotion",
        "pain",
        "behind",
        "mobile-app",
        "Current state",
        "metric",
    ];
    for map in [
        "examples/bank-onboarding-ru.yaml",
        "examples/tea-order-zh.yaml",
    ] {
        let svg = render(map, "svg");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        for text in doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
        {
            for word in english {
                assert!(!text.contains(word), "{map}: `{word}` in `{text}`");
            }
        }
    }
}

#[test]
fn the_picture_shows_the_evidence_empathy_and_descriptions() {
    let svg = render("tests/fixtures/render/evidence.yaml", "svg");
    for needle in [
        // The research list, numbered as pain points cite it, with its link.
        "[1] diary-study · other · 2026-08-01 — Ten nurses kept a diary for two weeks",
        r#"<a href="https://research.example/diary""#,
        "evidence [1]",
        // The empathy map on the persona card.
        "Says: I order on my break",
        "Thinks: Will it come before I sleep?",
        "Does: Orders at 3 a.m.",
        "Feels: Tired",
        // Descriptions as tooltips.
        "<title>Only half the menu is available after midnight</title>",
        "Couriers batch night orders to save trips",
        "Reuse the grocery cold chain boxes",
    ] {
        assert!(svg.contains(needle), "the picture lacks {needle}");
    }
}

#[test]
fn markdown_and_html_carry_the_evidence_empathy_descriptions_and_lanes() {
    for format in ["markdown", "html"] {
        let doc = render("tests/fixtures/render/evidence.yaml", format);
        let plain = doc.replace('\\', "").replace("&#58;", ":");
        for needle in [
            "Ten nurses kept a diary for two weeks",
            "https://research.example/diary",
            "evidence [1]",
            "I order on my break",
            "Will it come before I sleep?",
            "Tired",
            "Only half the menu is available after midnight",
            "Couriers batch night orders to save trips",
            "Reuse the grocery cold chain boxes",
        ] {
            assert!(plain.contains(needle), "{format} lacks {needle}:\n{doc}");
        }
    }
    // The blueprint lanes, which the stage tables leave out.
    let md = render("examples/clinic-blueprint.yaml", "markdown");
    assert!(
        md.contains("**Backstage**") && md.contains("**Support**"),
        "{md}"
    );
}

#[test]
fn markdown_and_html_of_a_russian_map_have_russian_headings() {
    for format in ["markdown", "html"] {
        let doc = render("examples/bank-onboarding-ru.yaml", format);
        for english in [
            "Personas",
            "Stages",
            "Opportunities",
            "Metrics",
            "Owner",
            "Status",
            "Generated by",
            "mobile-app",
        ] {
            assert!(!doc.contains(english), "{format}: `{english}`");
        }
        assert!(doc.contains("Этапы") && doc.contains("Метрики"), "{doc}");
    }
}

/// The y of each lane label and each blueprint line in a rendered picture, top down.
fn rows_of(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("SVG is XML");
    let mut rows: Vec<(f64, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        // Lane labels sit in the label column at x = 32 in bold 12 px; the lines' labels
        // are italic.
        .filter(|t| {
            (t.attribute("x") == Some("32.0") && t.attribute("font-size") == Some("12"))
                || t.attribute("font-style").is_some()
        })
        .filter_map(|t| {
            let y: f64 = t.attribute("y")?.parse().ok()?;
            Some((y, t.text()?.to_string()))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn a_service_blueprint_is_drawn_top_down_as_practitioners_draw_it() {
    let svg = render("examples/clinic-blueprint.yaml", "svg");
    let rows = rows_of(&svg);
    let expected = [
        "Physical evidence",
        "Actions",
        "Thoughts",
        "Touchpoints",
        "Emotion",
        "line of interaction",
        "Frontstage",
        "line of visibility",
        "Backstage",
        "line of internal interaction",
        "Support",
        "Pain points",
        "Opportunities",
        "Metrics",
    ];
    let found: Vec<&str> = rows
        .iter()
        .map(String::as_str)
        .filter(|r| expected.contains(r))
        .collect();
    assert_eq!(found, expected, "{rows:?}");
}

#[test]
fn a_journey_map_keeps_the_journey_order_and_draws_no_blueprint_lines() {
    let svg = render("examples/grocery-current.yaml", "svg");
    let rows = rows_of(&svg);
    assert!(!rows.iter().any(|r| r.starts_with("line of")), "{rows:?}");
    let pains = rows.iter().position(|r| r == "Pain points");
    let touchpoints = rows.iter().position(|r| r == "Touchpoints");
    assert!(touchpoints < pains, "{rows:?}");
}

#[test]
fn lanes_picks_what_the_picture_and_the_documents_show() {
    let map = "examples/grocery-current.yaml";
    let args = ["render", map, "--lanes", "touchpoints,emotion,Pain-Points"];
    let svg = crate::stdout_of(&cjm(&args, None)).to_string();
    let rows = rows_of(&svg);
    let lanes: Vec<&str> = rows.iter().map(String::as_str).collect();
    assert_eq!(lanes, ["Touchpoints", "Emotion", "Pain points"], "{rows:?}");
    // The legend explains only what is shown: no opportunity or metric swatches.
    assert!(!svg.contains("opportunity (impact"), "{svg}");
    let md = render_with(&[
        map,
        "--format",
        "markdown",
        "--lanes",
        "touchpoints,pain_points",
    ]);
    assert!(md.contains("| Stage | Touchpoints | Pain points |"), "{md}");
    assert!(!md.contains("## Opportunities"), "{md}");
    assert!(!md.contains("## Metrics"), "{md}");
    assert!(!md.contains("**Actions**"), "{md}");
}

fn render_with(args: &[&str]) -> String {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let out = cjm(&all, None);
    assert!(out.contains("exit: 0\n"), "{out}");
    crate::stdout_of(&out).to_string()
}

#[test]
fn an_unknown_lane_is_refused_with_the_nearest_name() {
    snap!(
        "lanes_unknown",
        &[
            "render",
            "examples/grocery-current.yaml",
            "--lanes",
            "touchpoint"
        ]
    );
}

#[test]
fn a_teams_colours_and_words_reach_every_output() {
    let dir = "tests/fixtures/render/themed";
    let svg = render_with(&[&format!("{dir}/onboarding.yaml")]);
    assert!(
        svg.contains(r##"fill="#0b5394""##),
        "stage header colour: {svg}"
    );
    assert!(svg.contains(">Friction<"), "{svg}");
    assert!(svg.contains(">Bets<"), "{svg}");
    assert!(!svg.contains(">Pain points<"), "{svg}");
    assert!(
        svg.contains(r##"stroke="#e69138""##),
        "accent on the opportunity card: {svg}"
    );
    let md = render_with(&[&format!("{dir}/onboarding.yaml"), "--format", "markdown"]);
    assert!(
        md.contains("| Stage | Emotion | Touchpoints | Friction | Bets |"),
        "{md}"
    );
    let html = render_with(&[&format!("{dir}/onboarding.yaml"), "--format", "html"]);
    assert!(html.contains("h1{color:#0b5394}"), "{html}");
    assert!(html.contains("<th>Friction</th>"), "{html}");
    // `[labels.ru]` wins for a Russian map; `[labels]` still applies to what it leaves.
    let ru = render_with(&[&format!("{dir}/onboarding-ru.yaml")]);
    assert!(ru.contains(">Трения<"), "{ru}");
    assert!(ru.contains(">Bets<"), "{ru}");
}

#[test]
fn mistakes_in_render_and_labels_settings_are_located() {
    snap!(
        "bad_theme",
        &["validate", "tests/fixtures/render/bad-theme/"]
    );
}

#[test]
fn phases_and_custom_lanes_are_visible_in_every_output() {
    let map = "examples/insurance-claim.yaml";
    let svg = render_with(&[map]);
    let md = render_with(&[map, "--format", "markdown"]);
    let html = render_with(&[map, "--format", "html"]);
    for (format, out) in [("svg", &svg), ("markdown", &md), ("html", &html)] {
        for needle in [
            "First notice of loss",
            "Getting back on the road",
            "Systems involved",
            "Assessor scheduling",
            "Nobody told me what",
            "★★★★★ 5/5",
        ] {
            assert!(out.contains(needle), "{format} lacks `{needle}`");
        }
    }
    // The phase band sits above the stage headers, over the stages it spans.
    let rows = rows_of(&svg);
    assert_eq!(
        rows.first().map(String::as_str),
        Some("Actions"),
        "{rows:?}"
    );
    let at = |label: &str| rows.iter().position(|r| r.starts_with(label));
    let (thoughts, custom, touchpoints) =
        (at("Thoughts"), at("In the customer"), at("Touchpoints"));
    assert!(
        thoughts < custom && custom < touchpoints,
        "`after: thoughts`: {rows:?}"
    );
    // Lanes declared without `after:` come last, in the order declared.
    assert_eq!(
        rows[rows.len() - 2..],
        ["Systems involved".to_string(), "Effort (0–5)".to_string()]
    );
}

#[test]
fn each_persona_gets_a_curve_told_apart_without_colour_on_the_maps_scale() {
    let map = "tests/fixtures/personas/two-personas.yaml";
    let svg = render_with(&[map]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let dashes: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("stroke-dasharray").is_some())
        .filter_map(|n| n.attribute("stroke-dasharray"))
        .collect();
    assert!(
        dashes.contains(&"none") && dashes.contains(&"9 5"),
        "{dashes:?}"
    );
    // Two marker shapes, and both personas in the legend.
    assert!(svg.contains("<rect x=") && svg.contains("<circle cx="));
    assert!(
        svg.contains(">Maya, first-time renter<") && svg.contains(">Tom, relocating for work<")
    );
    // The axis reads the map's 1..5 scale.
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for label in ["5", "3", "1"] {
        assert!(texts.contains(&label), "{label} not on the axis: {texts:?}");
    }
    let md = render_with(&[map, "--format", "markdown"]);
    assert!(
        md.contains("Maya, first\\-time renter 🙁 2<br>Tom, relocating for work 🙂 4"),
        "{md}"
    );
}

#[test]
fn emotions_are_checked_against_the_maps_scale_and_personas() {
    snap!(
        "emotions_off_scale",
        &["validate", "tests/fixtures/personas/bad-emotions.yaml"]
    );
}

/// Issue 16's whole shape in one map: three phases, two personas with their own
/// emotions, two custom lanes, metric history and opportunities in every state.
#[test]
fn a_map_that_says_everything_shows_it_in_every_format() {
    let map = "examples/ad-campaign.yaml";
    let out = cjm(&["validate", map], None);
    assert!(out.contains("no problems found"), "{out}");
    let svg = render_with(&[map]);
    let md = render_with(&[map, "--format", "markdown"]);
    let html = render_with(&[map, "--format", "html"]);
    let mermaid = render_with(&[map, "--format", "mermaid"]);
    // The picture wraps text across lines: read it as one run of words.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let words: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    let picture = words.join(" ");
    for (format, text) in [("svg", &picture), ("markdown", &md), ("html", &html)] {
        for needle in [
            "Hearing about us",
            "Deciding to try",
            "Coming in",
            "Sam, parent on the school run",
            "Media in play",
            "Bus-stop posters",
            "Overheard in the panel",
            "Is that the place by the station?",
            "planned",
            "in progress",
            "shipped",
            "dropped",
            "idea",
        ] {
            let needle = if format == "markdown" {
                needle.replace('-', "\\-")
            } else {
                needle.to_string()
            };
            assert!(text.contains(&needle), "{format} lacks `{needle}`");
        }
    }
    // The trend is drawn in the picture and listed in the documents.
    assert!(md.contains("2026-07-01: 0.22 (300 respondents)"), "{md}");
    assert!(html.contains("2026-07-01: 0.22"), "{html}");
    // Both personas' curves, and Mermaid tasks stay valid.
    assert!(svg.contains("stroke-dasharray=\"9 5\""), "{svg}");
    assert!(mermaid.starts_with("journey\n"), "{mermaid}");
}

#[test]
fn a_map_that_says_everything_diffs_every_change() {
    snap!(
        "diff_everything",
        &[
            "diff",
            "examples/ad-campaign.yaml",
            "tests/fixtures/diff/ad-campaign-next.yaml"
        ]
    );
    // The picture outlines the renamed phase and says, on hover, what it was.
    let out = crate::cjm(
        &[
            "diff",
            "examples/ad-campaign.yaml",
            "tests/fixtures/diff/ad-campaign-next.yaml",
            "--format",
            "svg",
        ],
        None,
    );
    let svg = crate::stdout_of(&out);
    let doc = roxmltree::Document::parse(svg).unwrap();
    let title = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .find(|t| t.starts_with("Deciding to go"))
        .unwrap_or_else(|| panic!("no title for the renamed phase in {svg}"));
    assert_eq!(title, "Deciding to go · ~ changed: was Deciding to try");
    assert!(
        svg.contains(r##"fill="#e4e7eb" stroke="#b7791f""##),
        "{svg}"
    );
}
