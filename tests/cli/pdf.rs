//! `cjm render -o map.pdf`: a PDF that opens, with the map's text as text (selectable,
//! searchable) in embedded fonts.

use lopdf::{Document, Object};

/// Renders `map` to a PDF file named by its extension and reads it back.
fn pdf_of(map: &str) -> (Document, Vec<u8>) {
    run_to_pdf(&["render", map], "exit: 0\n")
}

/// Runs cjm with `-o x.pdf` after `args`, expecting `exit`, and reads the PDF back.
fn run_to_pdf(args: &[&str], exit: &str) -> (Document, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.pdf");
    let mut args = args.to_vec();
    args.extend(["-o", target.to_str().unwrap()]);
    let out = crate::cjm(&args, None);
    assert!(out.contains(exit), "{out}");
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    (Document::load_mem(&bytes).expect("the PDF opens"), bytes)
}

/// The page's text, decoded through the fonts' `ToUnicode` maps. lopdf ends a line
/// at every text-showing operator, and the PDF shows text in runs, so lines are joined.
fn text_of(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert_eq!(pages.len(), 1, "one page");
    doc.extract_text(&pages)
        .expect("text extracts")
        .replace('\n', "")
}

/// The document's title from its info dictionary.
fn title_of(doc: &Document) -> String {
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .unwrap();
    let title = doc.get_dictionary(info).unwrap().get(b"Title").unwrap();
    lopdf::decode_text_string(title).unwrap()
}

/// Every font is embedded: its descriptor carries the font program.
fn assert_fonts_embedded(doc: &Document) {
    let descriptors: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
        .collect();
    assert!(!descriptors.is_empty(), "no fonts");
    for d in descriptors {
        assert!(
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.has(k)),
            "a font is not embedded: {d:?}"
        );
    }
}

#[test]
fn a_pdf_has_the_maps_text_in_embedded_fonts() {
    let (doc, _) = pdf_of("examples/grocery-current.yaml");
    let text = text_of(&doc);
    for s in [
        "Online grocery delivery — current state",
        "Awareness",
        "Maya, busy parent",
    ] {
        assert!(text.contains(s), "`{s}` not in:\n{text}");
    }
    assert_eq!(title_of(&doc), "Online grocery delivery — current state");
    assert_fonts_embedded(&doc);
}

#[test]
fn a_pdf_keeps_cyrillic_as_text() {
    let (doc, _) = pdf_of("examples/bank-onboarding-ru.yaml");
    let text = text_of(&doc);
    for s in [
        "Открытие счёта в мобильном банке",
        "Заявка и проверка",
        "Раздражители: Бесконечные запросы документов",
    ] {
        assert!(text.contains(s), "`{s}` not in:\n{text}");
    }
    assert_fonts_embedded(&doc);
    let lang = doc.catalog().unwrap().get(b"Lang").unwrap();
    assert_eq!(lopdf::decode_text_string(lang).unwrap(), "ru");
}

#[test]
fn format_pdf_writes_the_same_bytes_to_stdout() {
    let (_, file) = pdf_of("examples/clinic-blueprint.yaml");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cjm"))
        .args([
            "render",
            "examples/clinic-blueprint.yaml",
            "--format",
            "pdf",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, file, "the same map gives the same PDF");
}

/// The diff picture as a PDF: the future map with its changes, titled by both maps.
#[test]
fn a_diff_writes_a_pdf_too() {
    let (doc, _) = run_to_pdf(
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        "exit: 0\n",
    );
    let text = text_of(&doc);
    assert!(text.contains("Substitutions"), "{text}");
    assert_eq!(
        title_of(&doc),
        "Online grocery delivery — current state → Online grocery delivery — future state"
    );
    assert_fonts_embedded(&doc);
}

/// `--lanes` and the team's words reach the PDF as they reach the SVG.
#[test]
fn a_pdf_shows_only_the_lanes_asked_for() {
    let (doc, _) = run_to_pdf(
        &[
            "render",
            "examples/grocery-current.yaml",
            "--lanes",
            "touchpoints,emotion",
        ],
        "exit: 0\n",
    );
    let text = text_of(&doc);
    assert!(text.contains("Touchpoints"), "{text}");
    assert!(!text.contains("Pain points"), "{text}");
}
