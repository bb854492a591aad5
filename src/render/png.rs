//! The SVG picture rasterised to PNG in pure Rust (resvg), for slides and chat. Text
//! uses the system's fonts, with DejaVu Sans subsets built in as the fallback so Latin,
//! Greek and Cyrillic always show; CJK needs a CJK font on the system (see
//! `assets/fonts/README.md`).

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::model::Map;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-subset.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold-subset.ttf");

/// The largest picture drawn, in pixels per side, so a huge map or scale cannot
/// allocate gigabytes.
const MAX_SIDE: u32 = 16_384;

/// Fonts are found once per process: scanning the system's fonts is the slow part.
pub(super) fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_system_fonts();
            db.load_font_data(REGULAR.to_vec());
            db.load_font_data(BOLD.to_vec());
            // The SVG's font stack ends in `sans-serif`: make that the bundled face.
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// A writing system in the picture that no available font draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingScript {
    pub script: &'static str,
    /// What to install, in words.
    pub install: &'static str,
}

/// Inclusive ranges of code points.
type Blocks = &'static [(u32, u32)];

/// Writing systems the bundled fallback does not cover, by Unicode block, with the
/// package that brings a font for them.
const SCRIPTS: &[(&str, Blocks, &str)] = &[
    (
        "Chinese, Japanese or Korean",
        &[
            (0x2E80, 0x2FDF),
            (0x3000, 0x30FF),
            (0x3100, 0x31FF),
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xAC00, 0xD7AF),
            (0xF900, 0xFAFF),
            (0xFF00, 0xFFEF),
            (0x1100, 0x11FF),
        ],
        "a CJK font such as Noto Sans CJK (Debian and Ubuntu: `fonts-noto-cjk`)",
    ),
    (
        "Arabic",
        &[
            (0x0600, 0x06FF),
            (0x0750, 0x077F),
            (0xFB50, 0xFDFF),
            (0xFE70, 0xFEFF),
        ],
        "an Arabic font such as Noto Sans Arabic (Debian and Ubuntu: `fonts-noto-core`)",
    ),
    (
        "Hebrew",
        &[(0x0590, 0x05FF)],
        "a Hebrew font such as Noto Sans Hebrew (Debian and Ubuntu: `fonts-noto-core`)",
    ),
    (
        "Indic",
        &[(0x0900, 0x0DFF)],
        "a font for it such as Noto Sans Devanagari (Debian and Ubuntu: `fonts-noto-core`)",
    ),
    (
        "Thai",
        &[(0x0E00, 0x0E7F)],
        "a Thai font such as Noto Sans Thai (Debian and Ubuntu: `fonts-noto-core`)",
    ),
    (
        "Armenian or Georgian",
        &[(0x0530, 0x058F), (0x10A0, 0x10FF)],
        "a font for it such as Noto Sans (Debian and Ubuntu: `fonts-noto-core`)",
    ),
    (
        "emoji",
        &[(0x1F300, 0x1FAFF), (0x2600, 0x27BF)],
        "an emoji font such as Noto Color Emoji (Debian and Ubuntu: `fonts-noto-color-emoji`)",
    ),
];

/// The writing systems in `svg` that no font on this machine (nor the bundled one)
/// can draw. Costs nothing for Latin, Greek and Cyrillic maps.
pub fn missing_scripts(svg: &str) -> Vec<MissingScript> {
    missing_scripts_in(svg, &fonts())
}

fn missing_scripts_in(svg: &str, fonts: &usvg::fontdb::Database) -> Vec<MissingScript> {
    use skrifa::MetadataProvider;
    // Up to a few distinct characters per script are enough to tell.
    let mut wanted: Vec<Vec<char>> = vec![Vec::new(); SCRIPTS.len()];
    for c in svg.chars().filter(|c| !c.is_ascii()) {
        let code = u32::from(c);
        if let Some(i) = SCRIPTS
            .iter()
            .position(|(_, ranges, _)| ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&code)))
        {
            let list = &mut wanted[i];
            if list.len() < 8 && !list.contains(&c) {
                list.push(c);
            }
        }
    }
    if wanted.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let mut drawn: Vec<Vec<bool>> = wanted.iter().map(|w| vec![false; w.len()]).collect();
    for face in fonts.faces() {
        fonts.with_face_data(face.id, |data, index| {
            let Ok(font) = skrifa::FontRef::from_index(data, index) else {
                return;
            };
            let charmap = font.charmap();
            for (chars, done) in wanted.iter().zip(drawn.iter_mut()) {
                for (c, d) in chars.iter().zip(done.iter_mut()) {
                    *d = *d || charmap.map(*c).is_some();
                }
            }
        });
    }
    SCRIPTS
        .iter()
        .zip(&drawn)
        .filter(|(_, done)| done.iter().any(|d| !d))
        .map(|((script, _, install), _)| MissingScript { script, install })
        .collect()
}

/// `map` drawn at `scale` (1 = one pixel per SVG unit) as PNG bytes.
pub fn render(map: &Map, scale: f32) -> Result<Vec<u8>, String> {
    rasterise(&super::svg::render(map), scale)
}

/// Any SVG cjm drew (a map or a diff) as PNG bytes.
pub fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    draw(svg, scale, fonts())?
        .encode_png()
        .map_err(|e| format!("could not encode the PNG: {e}"))
}

/// How usvg reads cjm's SVG: with `fonts`, and characters DejaVu Sans lacks (CJK)
/// drawn by the next font of the picture's stack that has them, as a browser does,
/// rather than by the first such font on the system (often a serif).
pub(super) fn options(fonts: Arc<usvg::fontdb::Database>) -> usvg::Options<'static> {
    let default = usvg::FontResolver::default_fallback_selector();
    let fallback: usvg::FallbackSelectionFn<'static> = Box::new(move |c, used, db| {
        use usvg::fontdb::{Family, Query, Stretch, Style, Weight};
        let (weight, style) = used
            .first()
            .and_then(|&id| db.face(id))
            .map_or((Weight::NORMAL, Style::Normal), |f| (f.weight, f.style));
        for name in stack() {
            let families = [Family::Name(name)];
            let query = Query {
                families: &families,
                weight,
                stretch: Stretch::Normal,
                style,
            };
            if let Some(id) = db
                .query(&query)
                .filter(|id| !used.contains(id) && has_char(db, *id, c))
            {
                return Some(id);
            }
        }
        default(c, used, db)
    });
    usvg::Options {
        fontdb: fonts,
        font_resolver: usvg::FontResolver {
            select_font: usvg::FontResolver::default_font_selector(),
            select_fallback: fallback,
        },
        ..usvg::Options::default()
    }
}

/// The named families of the pictures' font stack, in order.
fn stack() -> impl Iterator<Item = &'static str> {
    super::svg::FONT
        .split(',')
        .map(|f| f.trim().trim_matches('\''))
        .filter(|f| !f.is_empty() && *f != "sans-serif")
}

fn has_char(db: &usvg::fontdb::Database, id: usvg::fontdb::ID, c: char) -> bool {
    use skrifa::MetadataProvider;
    db.with_face_data(id, |data, index| {
        skrifa::FontRef::from_index(data, index).is_ok_and(|f| f.charmap().map(c).is_some())
    })
    .unwrap_or(false)
}

fn draw(
    svg: &str,
    scale: f32,
    fonts: Arc<usvg::fontdb::Database>,
) -> Result<tiny_skia::Pixmap, String> {
    let options = options(fonts);
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("could not read the SVG: {e}"))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil(),
        (size.height() * scale).ceil(),
    );
    if !(w >= 1.0 && h >= 1.0 && w <= MAX_SIDE as f32 && h <= MAX_SIDE as f32) {
        return Err(format!(
            "the picture would be {w:.0}×{h:.0} pixels; the most is {MAX_SIDE} per side, so lower `--scale`"
        ));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32)
        .ok_or_else(|| "could not allocate the picture".to_string())?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_script_no_font_draws() {
        let mut only_bundled = usvg::fontdb::Database::new();
        only_bundled.load_font_data(REGULAR.to_vec());
        let missing = missing_scripts_in("<text>下单 购买</text>", &only_bundled);
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].script, "Chinese, Japanese or Korean");
        assert!(missing[0].install.contains("fonts-noto-cjk"));
        assert!(missing_scripts_in("<text>Поиск — Ελλάδα é</text>", &only_bundled).is_empty());
    }

    fn ink(fonts: usvg::fontdb::Database) -> usize {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><text x="5" y="28" font-size="24" font-family="Inter, 'Segoe UI', sans-serif">Journey Путь</text></svg>"#;
        let pixmap = draw(svg, 1.0, Arc::new(fonts)).unwrap();
        pixmap.pixels().iter().filter(|p| p.red() < 128).count()
    }

    #[test]
    fn the_bundled_font_draws_latin_and_cyrillic_with_no_system_font() {
        let mut bundled = usvg::fontdb::Database::new();
        bundled.load_font_data(REGULAR.to_vec());
        bundled.set_sans_serif_family("DejaVu Sans");
        assert_eq!(ink(usvg::fontdb::Database::new()), 0, "no font, no text");
        assert!(ink(bundled) > 500, "the bundled font draws the text");
    }

    #[test]
    fn a_picture_too_large_is_refused() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="10"/>"#;
        assert!(rasterise(svg, 2.0).unwrap_err().contains("lower `--scale`"));
        assert_eq!(&rasterise(svg, 1.0).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    }
}
