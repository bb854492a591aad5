//! A Mermaid `journey` diagram, which git hosts draw: stages become sections, touchpoints
//! (or, without them, the stage itself) become tasks scored 1..5 from the emotion
//! (−2..+2), and the personas are the actors.

use std::fmt::Write;

use super::text::clean;
use crate::model::Map;

/// Text safe inside a Mermaid journey line: no `:` (it separates fields), no `;` or
/// `#` (statement and entity syntax), no backticks (they would close a Markdown fence),
/// no `<`, `>` or `&` (markup, should a viewer not sanitise labels).
fn safe(s: &str) -> String {
    let s: String = clean(s)
        .chars()
        .map(|c| match c {
            ':' => '：',
            ';' => ',',
            '#' => '＃',
            '`' => '\'',
            '%' => '％',
            '<' => '＜',
            '>' => '＞',
            '&' => '＆',
            '{' => '(',
            '}' => ')',
            c => c,
        })
        .collect();
    let s = s.trim();
    if s.is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

/// Actors are separated by commas, so a comma inside a name becomes a middle dot.
fn actor(s: &str) -> String {
    safe(s).replace(',', " ·")
}

fn score(emotion: Option<i64>) -> i64 {
    emotion.unwrap_or(0).clamp(-2, 2) + 3
}

pub fn render(map: &Map) -> String {
    let mut out = String::from("journey\n");
    let _ = writeln!(out, "    title {}", safe(&map.title.value));
    let actors: Vec<String> = map.personas.iter().map(|p| actor(&p.name)).collect();
    let actors = if actors.is_empty() {
        "Customer".to_string()
    } else {
        actors.join(", ")
    };
    for stage in &map.stages {
        let _ = writeln!(out, "    section {}", safe(&stage.name.value));
        let stage_emotion = stage.emotion.as_ref().map(|e| e.value);
        if stage.touchpoints.is_empty() {
            let _ = writeln!(
                out,
                "      {}: {}: {actors}",
                safe(&stage.name.value),
                score(stage_emotion)
            );
        }
        for t in &stage.touchpoints {
            let _ = writeln!(
                out,
                "      {}: {}: {actors}",
                safe(&t.name.value),
                score(t.emotion.or(stage_emotion))
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn separators_cannot_break_a_line() {
        assert_eq!(super::safe("a: b; c # d `e`"), "a： b, c ＃ d 'e'");
        assert_eq!(super::actor("Maya, busy parent"), "Maya · busy parent");
        assert_eq!(super::score(Some(-2)), 1);
        assert_eq!(super::score(None), 3);
    }
}
