//! Pictures and documents from a map: SVG, Markdown and a Mermaid `journey` block.
//! Renderers take a checked [`Map`] and return text; they never fail and never print.

mod advances;
pub mod details;
pub mod document;
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

pub use theme::Theme;

pub mod theme;

/// The lane keys `--lanes` accepts, in the picture's order for a journey map: the
/// map's own keys, plus `emotion` for the curve.
pub use crate::model::BUILT_IN_LANES as LANES;

/// How to draw a map beyond the map itself: which lanes, which colours. The default
/// draws every lane that has something in it, in cjm's palette.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Lane keys to show (`--lanes`, each one of [`LANES`]); `None` shows them all.
    pub lanes: Option<Vec<String>>,
    pub theme: Theme,
    /// The team's words for cjm's own: `(language or None for all, key, text)`.
    pub labels: Vec<(Option<String>, String, String)>,
    /// Leave out the picture's own title block: a page around it already shows it.
    pub bare: bool,
}

impl View {
    /// Reads `--lanes`: comma-separated lane keys; the built-in ones ([`LANES`]) with `-`
    /// or `_`, in any case, a map's own by their ids. Names are checked against each map
    /// by [`View::unknown_lanes`], since only a map knows its own lanes.
    pub fn parse_lanes(list: &str) -> Result<Vec<String>, String> {
        let mut keys = Vec::new();
        for raw in list.split(',').map(str::trim).filter(|k| !k.is_empty()) {
            let built_in = raw.to_ascii_lowercase().replace('-', "_");
            let key = if LANES.contains(&built_in.as_str()) {
                built_in
            } else {
                raw.to_string()
            };
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        if keys.is_empty() {
            return Err(format!("name at least one lane: {}", LANES.join(", ")));
        }
        Ok(keys)
    }

    /// The lanes asked for that `map` does not have, built-in or its own.
    pub fn unknown_lanes(&self, map: &Map) -> Vec<String> {
        self.lanes
            .iter()
            .flatten()
            .filter(|k| {
                !LANES.contains(&k.as_str()) && !map.lanes.iter().any(|l| l.ident.id == **k)
            })
            .cloned()
            .collect()
    }

    /// The view a folder's `cjm.toml` asks for, with the lanes chosen on the command line.
    pub fn new(settings: &crate::settings::RenderSettings, lanes: Option<Vec<String>>) -> View {
        View {
            lanes,
            theme: Theme::from_settings(settings),
            labels: settings.labels.clone(),
            bare: false,
        }
    }

    /// The words for `map`: its language's, with the team's overrides.
    pub fn words(&self, map: &Map) -> &'static labels::Labels {
        labels::with_overrides(map.lang.as_deref(), &self.labels)
    }

    /// Whether the lane `key` is to be drawn (it may still be empty).
    pub fn shows(&self, key: &str) -> bool {
        self.lanes
            .as_ref()
            .is_none_or(|keys| keys.iter().any(|k| k == key))
    }
}

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
pub fn render(map: &Map, format: Format, view: &View, scale: f32) -> Result<Vec<u8>, String> {
    let text = match format {
        Format::Svg => svg::render_view(map, &svg::Overlay::default(), view),
        Format::Markdown => markdown::render_view(map, view),
        Format::Mermaid => mermaid::render(map),
        Format::Html => html::render_view(map, view),
        #[cfg(feature = "png")]
        Format::Png => {
            return png::rasterise(
                &svg::render_view(map, &svg::Overlay::default(), view),
                scale,
            );
        }
        #[cfg(not(feature = "png"))]
        Format::Png => {
            let _ = (scale, view);
            return Err("this cjm was built without PNG support (the `png` feature)".to_string());
        }
        #[cfg(feature = "pdf")]
        Format::Pdf => {
            let svg = svg::render_view(map, &svg::Overlay::default(), view);
            return pdf::convert(&svg, &map.title.value, map.lang.as_deref());
        }
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => {
            return Err("this cjm was built without PDF support (the `pdf` feature)".to_string());
        }
    };
    Ok(text.into_bytes())
}
