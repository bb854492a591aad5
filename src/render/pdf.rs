//! The SVG picture as a vector PDF, in pure Rust with krilla (typst's PDF writer): text
//! stays text, selectable and searchable, in the fonts that draw it, embedded as
//! subsets. The picture is read by usvg with the PNG's fonts and fallback, so the PDF
//! shows what the PNG shows.

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

/// The largest page side PDF readers accept, in points (200 inches); larger pictures
/// are scaled down to it, which a vector PDF can afford.
const MAX_SIDE: f32 = 14_400.0;

/// Any SVG cjm drew (a map or a diff) as PDF bytes, with `title` as the document's
/// title and `lang` its language (for screen readers and search).
pub fn convert(svg: &str, title: &str, lang: Option<&str>) -> Result<Vec<u8>, String> {
    let options = super::png::options(super::png::fonts());
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("could not read the SVG: {e}"))?;
    let size = tree.size();
    let k = (MAX_SIDE / size.width().max(size.height())).min(1.0);
    let page = Size::from_wh(size.width() * k, size.height() * k)
        .ok_or_else(|| "the picture has no area".to_string())?;
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .title(super::text::clean(title))
        .creator("cjm".to_string());
    if let Some(lang) = lang {
        metadata = metadata.language(super::text::clean(lang));
    }
    document.set_metadata(metadata);
    let mut pdf_page = document.start_page_with(PageSettings::new(page));
    let mut surface = pdf_page.surface();
    surface
        .draw_svg(&tree, page, SvgSettings::default())
        .ok_or_else(|| "could not draw the picture into the PDF".to_string())?;
    surface.finish();
    pdf_page.finish();
    document
        .finish()
        .map_err(|e| format!("could not write the PDF: {e}"))
}
