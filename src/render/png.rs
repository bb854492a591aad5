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
fn fonts() -> Arc<usvg::fontdb::Database> {
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

fn draw(
    svg: &str,
    scale: f32,
    fonts: Arc<usvg::fontdb::Database>,
) -> Result<tiny_skia::Pixmap, String> {
    let options = usvg::Options {
        fontdb: fonts,
        ..usvg::Options::default()
    };
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
