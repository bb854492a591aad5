//! A team's colours (`[render]` in `cjm.toml`) for every output: the title, the stage
//! headers and the accent of opportunity cards and links. Only these: the colours that
//! carry meaning (emotions, severities, metric status, diff marks) stay cjm's, so every
//! team's pictures read the same way.

use crate::settings::RenderSettings;

/// Resolved colours, each `#rrggbb`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub title: String,
    /// Stage headers alternate between these two, so columns stay apart.
    pub header: [String; 2],
    /// Opportunity cards: fill and outline.
    pub accent_fill: String,
    pub accent_stroke: String,
    /// Links in documents.
    pub link: String,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            title: "#1f2933".to_string(),
            header: ["#243b53".to_string(), "#334e68".to_string()],
            accent_fill: "#e3f0ff".to_string(),
            accent_stroke: "#6aa5e8".to_string(),
            link: "#1d4ed8".to_string(),
        }
    }
}

impl Theme {
    /// The theme a `[render]` table asks for; what it leaves out stays cjm's.
    pub fn from_settings(s: &RenderSettings) -> Theme {
        let mut theme = Theme::default();
        if let Some(c) = s.title.as_deref().and_then(parse) {
            theme.title = hex(c);
        }
        if let Some(c) = s.header.as_deref().and_then(parse) {
            // The second header a little lighter, as the default pair is.
            theme.header = [hex(c), hex(mix(c, [255, 255, 255], 0.12))];
        }
        if let Some(c) = s.accent.as_deref().and_then(parse) {
            theme.accent_stroke = hex(c);
            theme.accent_fill = hex(mix(c, [255, 255, 255], 0.85));
            theme.link = hex(c);
        }
        theme
    }
}

/// `#rgb` or `#rrggbb`, in any case; `None` for anything else.
pub fn parse(s: &str) -> Option<[u8; 3]> {
    let digits = s.strip_prefix('#')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = |d: &str| u8::from_str_radix(d, 16).ok();
    match digits.len() {
        3 => {
            let mut out = [0; 3];
            for (slot, i) in out.iter_mut().zip(0..3) {
                let d = value(digits.get(i..=i)?)?;
                *slot = d * 17;
            }
            Some(out)
        }
        6 => Some([
            value(digits.get(0..2)?)?,
            value(digits.get(2..4)?)?,
            value(digits.get(4..6)?)?,
        ]),
        _ => None,
    }
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// `a` moved toward `b` by `t` (0 keeps `a`).
fn mix(a: [u8; 3], b: [u8; 3], t: f64) -> [u8; 3] {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_in_both_lengths_and_nothing_else() {
        assert_eq!(parse("#0B5394"), Some([0x0b, 0x53, 0x94]));
        assert_eq!(parse("#fa0"), Some([0xff, 0xaa, 0x00]));
        for bad in ["0b5394", "#0b539", "#0b53944", "#ggg", "#", "red", "#é12"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_theme_keeps_what_it_does_not_set() {
        let theme = Theme::from_settings(&RenderSettings {
            header: Some("#000000".to_string()),
            ..RenderSettings::default()
        });
        assert_eq!(theme.header, ["#000000", "#1f1f1f"]);
        assert_eq!(theme.title, Theme::default().title);
        assert_eq!(theme.accent_fill, Theme::default().accent_fill);
    }
}
