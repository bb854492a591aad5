//! Pictures and documents from a map: SVG, Markdown and a Mermaid `journey` block.
//! Renderers take a checked [`Map`] and return text; they never fail and never print.

mod advances;
pub mod details;
pub mod html;
pub mod labels;
pub mod markdown;
pub mod mermaid;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "png")]
pub mod png;
pub mod svg;
pub mod text;

use crate::model::Map;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Markdown,
    Mermaid,
    Html,
    /// Needs the `png` feature (on by default).
    Png,
    /// Needs the `pdf` feature (on by default).
    Pdf,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "svg" => Format::Svg,
            "md" | "markdown" => Format::Markdown,
            "mmd" | "mermaid" => Format::Mermaid,
            "html" | "htm" => Format::Html,
            "png" => Format::Png,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Markdown => "md",
            Format::Mermaid => "mmd",
            Format::Html => "html",
            Format::Png => "png",
            Format::Pdf => "pdf",
        }
    }
}

/// The map in `format`, as bytes to write; only PNG and PDF can fail (a picture too
/// large, a font that cannot be embedded).
/// `scale` sizes the PNG (pixels per SVG unit); text formats ignore it.
pub fn render(map: &Map, format: Format, scale: f32) -> Result<Vec<u8>, String> {
    let text = match format {
        Format::Svg => svg::render(map),
        Format::Markdown => markdown::render(map),
        Format::Mermaid => mermaid::render(map),
        Format::Html => html::render(map),
        #[cfg(feature = "png")]
        Format::Png => return png::render(map, scale),
        #[cfg(not(feature = "png"))]
        Format::Png => {
            let _ = scale;
            return Err("this cjm was built without PNG support (the `png` feature)".to_string());
        }
        #[cfg(feature = "pdf")]
        Format::Pdf => return pdf::render(map),
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => {
            return Err("this cjm was built without PDF support (the `pdf` feature)".to_string());
        }
    };
    Ok(text.into_bytes())
}
