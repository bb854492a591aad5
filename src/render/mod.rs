//! Pictures and documents from a map: SVG, Markdown and a Mermaid `journey` block.
//! Renderers take a checked [`Map`] and return text; they never fail and never print.

pub mod html;
pub mod markdown;
pub mod mermaid;
pub mod svg;
pub mod text;

use crate::model::Map;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Markdown,
    Mermaid,
    Html,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "svg" => Format::Svg,
            "md" | "markdown" => Format::Markdown,
            "mmd" | "mermaid" => Format::Mermaid,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Markdown => "md",
            Format::Mermaid => "mmd",
            Format::Html => "html",
        }
    }
}

pub fn render(map: &Map, format: Format) -> String {
    match format {
        Format::Svg => svg::render(map),
        Format::Markdown => markdown::render(map),
        Format::Mermaid => mermaid::render(map),
        Format::Html => html::render(map),
    }
}
