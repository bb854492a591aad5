//! Text for pictures: cleaning hostile characters, escaping for XML and Markdown,
//! measuring rendered width with the bundled font's advances, wrapping to a cell and
//! cutting with an ellipsis.

use unicode_width::UnicodeWidthChar;

/// Drops characters that must never reach an output: controls (they break XML) and
/// bidirectional overrides (they make text read differently from what it is).
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c == '\n' || c == '\t' || c == '\r' { ' ' } else { c })
        .filter(|&c| {
            !c.is_control()
                && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

/// Escapes text for XML content and double- or single-quoted attributes.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for Markdown (tables included): every ASCII punctuation mark that
/// Markdown or HTML gives meaning to is backslash-escaped, so no link, image, HTML tag,
/// comment or table break passes through.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '~' | '>' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            ':' => out.push_str("&#58;"),
            c => out.push(c),
        }
    }
    out
}

/// Which face of the font draws a run of text: widths differ (bold is wider).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    /// The face for text drawn bold or not.
    pub fn new(bold: bool) -> Face {
        if bold { Face::Bold } else { Face::Regular }
    }
}

/// Advance of `c` in ems, as DejaVu Sans (first in the pictures' font stack, and
/// bundled for PNG and PDF) draws it: from the font's own table for the characters the
/// bundled subsets cover, 1 em for wide (CJK) characters, and a wide guess for the rest,
/// which other fonts draw. Kerning is ignored, so text errs wide: text measured to fit
/// does fit, in DejaVu and in the narrower fallback fonts.
pub fn char_em(c: char, face: Face) -> f64 {
    let wide = c.width() == Some(2);
    let table = super::advances::ADVANCES
        .binary_search_by_key(&c, |&(ch, _, _)| ch)
        .ok()
        .and_then(|i| super::advances::ADVANCES.get(i))
        .map(|&(_, regular, bold)| {
            f64::from(match face {
                Face::Regular => regular,
                Face::Bold => bold,
            }) / super::advances::UNITS_PER_EM
        });
    match (table, wide) {
        (Some(em), false) => em,
        (Some(em), true) => em.max(1.0),
        // Colour emoji fonts draw wider than an em.
        (None, true) if ('\u{1F000}'..='\u{1FAFF}').contains(&c) => 1.3,
        (None, true) => 1.0,
        (None, false) => match c.width() {
            Some(0) => 0.0,
            // Wider than most letters of any script DejaVu lacks (Arabic, Hebrew,
            // Indic, Thai), so those wrap early rather than spill.
            _ => 0.9,
        },
    }
}

/// Width of `s` at `size` pixels in `face`.
pub fn width(s: &str, size: f64, face: Face) -> f64 {
    s.chars().map(|c| char_em(c, face)).sum::<f64>() * size
}

/// Wraps `s` into lines no wider than `max` pixels at `size` in `face`, breaking
/// between words, between wide (CJK) characters, and inside words too long for a line.
/// At most `max_lines` lines come back; when text is cut the last line ends with `…`
/// and the second value is true.
pub fn wrap(s: &str, size: f64, face: Face, max: f64, max_lines: usize) -> (Vec<String>, bool) {
    let s = clean(s);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    for token in tokens(&s) {
        let tw = width(&token, size, face);
        if token == " " {
            if !line.is_empty() {
                line.push(' ');
                line_w += tw;
            }
            continue;
        }
        if line_w + tw <= max {
            line.push_str(&token);
            line_w += tw;
            continue;
        }
        if !line.trim_end().is_empty() {
            lines.push(line.trim_end().to_string());
        }
        line = String::new();
        line_w = 0.0;
        // A token wider than a whole line is broken by character.
        for c in token.chars() {
            let cw = char_em(c, face) * size;
            if line_w + cw > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            line.push(c);
            line_w += cw;
        }
    }
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() <= max_lines {
        return (lines, false);
    }
    lines.truncate(max_lines.max(1));
    if let Some(last) = lines.last_mut() {
        while width(last, size, face) + width("…", size, face) > max && last.pop().is_some() {}
        let trimmed = last.trim_end().to_string();
        *last = trimmed + "…";
    }
    (lines, true)
}

/// Words and spaces; each wide character is a token of its own, so CJK text wraps.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if c == ' ' {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(" ".to_string());
        } else if c.width() == Some(2) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_hostile_characters() {
        assert_eq!(
            xml("<a href=\"x\" onload='y'>&"),
            "&lt;a href=&quot;x&quot; onload=&#39;y&#39;&gt;&amp;"
        );
        assert_eq!(clean("a\u{202E}b\u{0}c\nd"), "abc d");
        assert_eq!(
            markdown("[x](javascript:y) | <b>"),
            "\\[x\\]\\(javascript&#58;y\\) \\| &lt;b\\>"
        );
    }

    #[test]
    fn wraps_words_and_cjk_within_the_width() {
        let (lines, cut) = wrap(
            "Picks a delivery slot for the evening",
            12.0,
            Face::Regular,
            100.0,
            10,
        );
        assert!(!cut);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width(l, 12.0, Face::Regular) <= 100.0, "{l}");
        }
        let (lines, _) = wrap(
            "在门店等待叫号在门店等待叫号",
            12.0,
            Face::Regular,
            60.0,
            10,
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 5), "{lines:?}");
    }

    #[test]
    fn cuts_with_an_ellipsis() {
        let long = "word ".repeat(100);
        let (lines, cut) = wrap(&long, 12.0, Face::Bold, 100.0, 3);
        assert!(cut);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(width(&lines[2], 12.0, Face::Bold) <= 100.0);
    }

    #[test]
    fn measures_with_the_fonts_advances() {
        // DejaVu Sans: `m` is 1995 units of 2048 regular and 2134 bold, `i` 569 and 702.
        assert!((char_em('m', Face::Regular) - 1995.0 / 2048.0).abs() < 1e-9);
        assert!((char_em('m', Face::Bold) - 2134.0 / 2048.0).abs() < 1e-9);
        assert!(width("Поиск", 10.0, Face::Bold) > width("Поиск", 10.0, Face::Regular));
        // Wide characters take at least an em, combining marks nothing, and letters of
        // scripts the font lacks a wide guess.
        assert_eq!(char_em('店', Face::Regular), 1.0);
        assert_eq!(char_em('Ａ', Face::Bold), 1.0);
        assert_eq!(char_em('\u{0301}', Face::Regular), 0.0);
        assert_eq!(char_em('ש', Face::Regular), 0.9);
    }

    #[test]
    fn the_advance_table_is_sorted_for_binary_search() {
        let table = crate::render::advances::ADVANCES;
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(table.len() > 500);
    }
}
