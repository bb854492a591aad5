use crate::{cjm, cjm_in, snap};

#[test]
fn the_examples_pair_names_every_change() {
    snap!(
        "diff_grocery_human",
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml"
        ]
    );
}

#[test]
fn json_carries_the_same_changes() {
    snap!(
        "diff_grocery_json",
        &[
            "diff",
            "--format",
            "json",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml"
        ]
    );
}

#[test]
fn a_future_map_alone_is_compared_with_its_baseline() {
    let alone = cjm(&["diff", "examples/grocery-future.yaml"], None);
    let both = cjm(
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        None,
    );
    assert_eq!(crate::stdout_of(&alone), crate::stdout_of(&both));
}

#[test]
fn a_map_in_cyrillic_diffs_by_its_derived_ids() {
    snap!(
        "diff_bank_ru",
        &["diff", "tests/fixtures/diff/bank-onboarding-ru-future.yaml"]
    );
}

#[test]
fn exit_code_follows_git_diff() {
    let same = cjm(
        &[
            "diff",
            "--exit-code",
            "examples/grocery-current.yaml",
            "examples/grocery-current.yaml",
        ],
        None,
    );
    assert!(
        same.contains("exit: 0\n") && same.contains("no changes"),
        "{same}"
    );
    let differ = cjm(
        &[
            "diff",
            "--exit-code",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        None,
    );
    assert!(differ.contains("exit: 1\n"), "{differ}");
    let plain = cjm(
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        None,
    );
    assert!(plain.contains("exit: 0\n"), "{plain}");
}

#[test]
fn maps_with_errors_are_reported_as_validate_reports_them() {
    snap!(
        "diff_broken",
        &[
            "diff",
            "tests/fixtures/schema/three-mistakes.yaml",
            "examples/grocery-future.yaml"
        ]
    );
    let missing = cjm(
        &["diff", "no-such.yaml", "examples/grocery-future.yaml"],
        None,
    );
    assert!(missing.contains("exit: 2\n"), "{missing}");
}

#[test]
fn markdown_is_a_table_for_pull_requests() {
    snap!(
        "diff_grocery_markdown",
        &[
            "diff",
            "--format",
            "markdown",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml"
        ]
    );
}

fn diff_svg(args: &[&str]) -> String {
    let mut all = vec!["diff", "--format", "svg"];
    all.extend_from_slice(args);
    let out = cjm(&all, None);
    assert!(out.contains("exit: 0\n"), "{out}");
    crate::stdout_of(&out).to_string()
}

/// Every `<text>` of an SVG, one per line: what a reader of the picture sees.
fn texts(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("SVG is XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string() + "\n")
        .collect()
}

#[test]
fn svg_draws_the_future_map_with_changes_marked_and_ghosts() {
    let svg = diff_svg(&[
        "examples/grocery-current.yaml",
        "examples/grocery-future.yaml",
    ]);
    crate::render::assert_legible(&svg, "grocery diff");
    insta::assert_snapshot!("diff_grocery_svg_text", texts(&svg));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // The removed touchpoint is drawn faded inside a ghost group.
    let ghost = doc
        .descendants()
        .find(|n| n.has_tag_name("text") && n.text() == Some("Driver on the way text"))
        .expect("the removed touchpoint is drawn");
    assert!(
        ghost
            .ancestors()
            .any(|a| a.attribute("opacity") == Some("0.55")),
        "the removed touchpoint is a ghost"
    );
    // Both curves: the future one and the current one, dashed.
    let paths: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .collect();
    assert!(
        paths
            .iter()
            .any(|p| p.attribute("stroke-dasharray") == Some("7 5"))
    );
    assert!(
        paths
            .iter()
            .any(|p| p.attribute("stroke") == Some("url(#cjm-emotion)"))
    );
}

#[test]
fn svg_carries_the_facts_of_the_json() {
    let json = crate::stdout_of(&cjm(
        &[
            "diff",
            "--format",
            "json",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        None,
    ))
    .to_string();
    // Wrapped lines are joined again, so names cut over lines are found whole.
    let svg = texts(&diff_svg(&[
        "examples/grocery-current.yaml",
        "examples/grocery-future.yaml",
    ]))
    .replace('\n', " ");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut checked = 0;
    for c in value["changes"].as_array().unwrap() {
        let detail = c["detail"].as_str().unwrap();
        match (c["item"].as_str().unwrap(), c["kind"].as_str().unwrap()) {
            ("touchpoint", "added" | "removed") => {
                let name = detail.split(" (").next().unwrap();
                assert!(svg.contains(name), "{name} is not drawn");
            }
            ("pain-point", "resolved") => {
                let name = detail.split(" (gone").next().unwrap();
                assert!(svg.contains(name), "{name} is not drawn");
            }
            ("metric", "changed") => {
                assert!(svg.contains(detail), "{detail} is not drawn");
            }
            _ => continue,
        }
        checked += 1;
    }
    assert!(checked >= 9, "only {checked} changes checked");
    assert!(svg.contains("+ new") && svg.contains("− removed") && svg.contains("✓ resolved"));
}

#[test]
fn svg_of_a_cyrillic_pair_is_legible() {
    let svg = diff_svg(&["tests/fixtures/diff/bank-onboarding-ru-future.yaml"]);
    crate::render::assert_legible(&svg, "bank diff");
    // The banner and the marks are in Russian too: no English chrome.
    let all = texts(&svg);
    assert!(all.contains("Изменения: "), "{all}");
    for english in ["Changes", "changed", "removed", "+ new", "Legend", "Stage"] {
        assert!(!all.contains(english), "`{english}` in:\n{all}");
    }
}

#[test]
fn output_file_format_follows_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("d.svg", "<svg"),
        ("d.md", "### "),
        ("d.json", "{"),
        ("d.txt", "grocery-current → grocery-future"),
    ] {
        let path = dir.path().join(name);
        let out = cjm(
            &[
                "diff",
                "examples/grocery-current.yaml",
                "examples/grocery-future.yaml",
                "-o",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert!(out.contains("exit: 0\n"), "{out}");
        assert_eq!(crate::stdout_of(&out), "");
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.starts_with(starts), "{name}: {written:.60}");
        assert!(!written.contains('\u{1b}'), "{name} has escape codes");
    }
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .args(["-c", "user.name=cjm", "-c", "user.email=cjm@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn a_side_can_be_a_git_revision() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("maps")).unwrap();
    let current = include_str!("../../examples/grocery-current.yaml");
    let future = include_str!("../../examples/grocery-future.yaml");
    std::fs::write(root.join("maps/x.yaml"), current).unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "current"]);
    std::fs::write(root.join("maps/x.yaml"), future).unwrap();

    let (code, by_git, err) = cjm_in(root, &["diff", "HEAD:maps/x.yaml", "maps/x.yaml"]);
    assert_eq!(code, 0, "{err}");
    let (_, by_files, _) = cjm_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
    );
    // The same changes; the header names the inputs as given.
    let body = |s: &str| {
        s.split_once('\n')
            .map(|(_, b)| b.to_string())
            .unwrap_or_default()
    };
    assert_eq!(body(&by_git), body(&by_files));
    assert!(
        by_git.starts_with("grocery-current → grocery-future (HEAD:maps/x.yaml → maps/x.yaml)\n"),
        "{by_git}"
    );

    // From a subfolder, `./` is relative to it, as in git.
    let (code, _, err) = cjm_in(&root.join("maps"), &["diff", "HEAD:./x.yaml", "x.yaml"]);
    assert_eq!(code, 0, "{err}");

    // A future map read from git finds its `baseline:` beside it, in the same revision.
    std::fs::write(root.join("maps/grocery-current.yaml"), current).unwrap();
    std::fs::write(root.join("maps/grocery-future.yaml"), future).unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "both"]);
    let (code, alone, err) = cjm_in(root, &["diff", "HEAD:maps/grocery-future.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(body(&alone), body(&by_files));
    let (code, _, err) = cjm_in(root, &["diff", "HEAD~1:maps/x.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("names no `baseline:`"), "{err}");

    let (code, _, err) = cjm_in(root, &["diff", "nope:maps/x.yaml", "maps/x.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope:maps/x.yaml: error[unreadable]: could not read it from git: invalid object name 'nope'"), "{err}");
    let (code, _, err) = cjm_in(root, &["diff", "HEAD:maps/y.yaml", "maps/x.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("'maps/y.yaml' does not exist in 'HEAD'"),
        "{err}"
    );
}

#[test]
fn a_revision_outside_a_repository_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.yaml"),
        include_str!("../../examples/grocery-current.yaml"),
    )
    .unwrap();
    let (code, _, err) = cjm_in(dir.path(), &["diff", "HEAD:x.yaml", "x.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("not inside a git repository"), "{err}");
}

const PAIR: [&str; 2] = [
    "examples/grocery-current.yaml",
    "examples/grocery-future.yaml",
];

#[test]
fn output_files_get_the_format_their_extension_names_or_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let current = format!("{root}/{}", PAIR[0]);
    let future = format!("{root}/{}", PAIR[1]);
    let (code, _, err) = cjm_in(dir.path(), &["diff", &current, &future, "-o", "c.png"]);
    assert_eq!(code, 0, "{err}");
    let png = std::fs::read(dir.path().join("c.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");

    let (code, _, err) = cjm_in(dir.path(), &["diff", &current, &future, "-o", "c.html"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(dir.path().join("c.html")).unwrap();
    let page = roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>\n")).unwrap();
    assert!(page.descendants().any(|n| n.has_tag_name("svg")));
    assert!(page.descendants().any(|n| n.has_tag_name("table")));
    assert!(!html.contains("<script"));

    let (code, out, err) = cjm_in(dir.path(), &["diff", &current, &future, "-o", "c.docx"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("cannot write a diff as `.docx`"), "{err}");
    assert!(!dir.path().join("c.docx").exists());
}

#[test]
fn scale_on_a_text_output_is_a_warning() {
    let out = cjm(
        &["diff", PAIR[0], PAIR[1], "--scale", "3", "--format", "json"],
        None,
    );
    assert!(out.contains("exit: 0\n"), "{out}");
    assert!(
        out.contains("warning: `--scale` sizes PNG output only"),
        "{out}"
    );
}

#[test]
fn lint_findings_raised_to_error_do_not_stop_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in PAIR {
        std::fs::copy(
            root.join(name),
            dir.path().join(name.trim_start_matches("examples/")),
        )
        .unwrap();
    }
    // Both maps lack nothing the default rules flag; make a rule they break an error.
    std::fs::write(
        dir.path().join("cjm.toml"),
        "[rules]\nstale-map = \"error\"\n",
    )
    .unwrap();
    let (code, stdout, _) = cjm_in(dir.path(), &["validate", "--today", "2030-01-01", "."]);
    assert_eq!(code, 1, "validate fails on the raised rule: {stdout}");
    let (code, stdout, stderr) = cjm_in(
        dir.path(),
        &[
            "diff",
            "--today",
            "2030-01-01",
            "grocery-current.yaml",
            "grocery-future.yaml",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("grocery-current → grocery-future"),
        "{stdout}"
    );
    let (code, _, stderr) = cjm_in(
        dir.path(),
        &[
            "render",
            "--today",
            "2030-01-01",
            "grocery-current.yaml",
            "-o",
            "x.svg",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn the_future_curve_skips_a_removed_stage_and_new_problems_are_not_good_news() {
    let svg = diff_svg(&[
        "tests/fixtures/diff/removed-stage-current.yaml",
        "tests/fixtures/diff/removed-stage-future.yaml",
    ]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // Future stage points are the filled r=7 circles; "Wait in line" (-1) is gone.
    let future_points: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("r") == Some("7"))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert_eq!(future_points.len(), 2, "{future_points:?}");
    assert!(
        !future_points.contains(&"#e8833a"),
        "a point on the removed stage"
    );
    // The dashed current curve still passes through all three current stages.
    let current_points = doc
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("fill") == Some("#ffffff"))
        .count();
    assert_eq!(current_points, 3);
    // Told apart in words, not only colour.
    let texts = texts(&svg);
    assert!(texts.contains("! new problem"), "{texts}");
    assert!(texts.contains("✓ resolved"), "{texts}");
}

/// The outlines a diff draws (`fill="none"`, 2.5 wide), as (x, y, width, height).
fn outlines(doc: &roxmltree::Document) -> Vec<(f64, f64, f64, f64)> {
    let num = |n: &roxmltree::Node, a: &str| -> f64 {
        n.attribute(a).and_then(|v| v.parse().ok()).unwrap_or(0.0)
    };
    doc.descendants()
        .filter(|n| {
            n.has_tag_name("rect")
                && n.attribute("fill") == Some("none")
                && n.attribute("stroke-width") == Some("2.5")
        })
        .map(|n| {
            (
                num(&n, "x"),
                num(&n, "y"),
                num(&n, "width"),
                num(&n, "height"),
            )
        })
        .collect()
}

fn in_ghost(doc: &roxmltree::Document, text: &str) -> bool {
    doc.descendants()
        .find(|n| n.has_tag_name("text") && n.text() == Some(text))
        .unwrap_or_else(|| panic!("`{text}` is not drawn"))
        .ancestors()
        .any(|a| a.attribute("opacity") == Some("0.55"))
}

#[test]
fn persona_and_lane_changes_are_marked_and_removed_entries_are_ghosts() {
    let svg = diff_svg(&[
        "tests/fixtures/diff/lanes-current.yaml",
        "tests/fixtures/diff/lanes-future.yaml",
    ]);
    crate::render::assert_legible(&svg, "lanes diff");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // What went is drawn where it was, faded: an action, a thought, a persona.
    assert!(in_ghost(&doc, "• Prints a label"));
    assert!(in_ghost(&doc, "“Where is the returns"));
    assert!(in_ghost(&doc, "Tom"));
    // What came is drawn plainly and marked new; the changed persona says what changed.
    assert!(!in_ghost(&doc, "• Shows a QR code"));
    assert!(!in_ghost(&doc, "• Refund is queued at"));
    let all = texts(&svg);
    // Each mark once per item, and once more in the legend.
    assert_eq!(all.matches("+ new\n").count(), 2 + 1, "{all}");
    assert!(all.contains("~ changed: goals\n"), "{all}");
    assert_eq!(all.matches("− removed\n").count(), 3 + 1, "{all}");
    // No two outlines overlap, however densely the changes sit.
    let boxes = outlines(&doc);
    assert_eq!(boxes.len(), 6, "{boxes:?}");
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = a.0 + a.2 + 1.25 <= b.0 - 1.25
                || b.0 + b.2 + 1.25 <= a.0 - 1.25
                || a.1 + a.3 + 1.25 <= b.1 - 1.25
                || b.1 + b.3 + 1.25 <= a.1 - 1.25;
            assert!(apart, "outlines overlap: {a:?} and {b:?}");
        }
    }
}

#[test]
fn phases_and_custom_lanes_are_diffed_and_marked() {
    snap!(
        "diff_phases_and_lanes",
        &[
            "diff",
            "examples/insurance-claim.yaml",
            "tests/fixtures/diff/insurance-claim-future.yaml"
        ]
    );
    let svg = diff_svg(&[
        "examples/insurance-claim.yaml",
        "tests/fixtures/diff/insurance-claim-future.yaml",
    ]);
    crate::render::assert_legible(&svg, "insurance diff");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    // The old quote comes back as a ghost in its lane; the new one is marked new.
    assert!(in_ghost(&doc, "“Nobody told me what"));
    assert!(!in_ghost(&doc, "“The daily text kept me"));
    assert!(!in_ghost(&doc, "• SMS gateway"));
}
