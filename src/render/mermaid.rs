//! A Mermaid `journey` diagram, which git hosts draw: stages become sections,
//! touchpoints become tasks scored 1..5 from the emotion (−2..+2) with their own
//! personas as actors, and the title and description become `accTitle` and `accDescr`.
//!
//! Text is written so that Mermaid reads back exactly the text: whatever its grammar
//! (`journey.jison`) would read as syntax is an entity code (`#58;` for `:`), which
//! Mermaid draws as the character. `%% cjm …` comment lines, which Mermaid skips, carry
//! the ids that are not the slug of the name, so `cjm import` gives back the same ids.

use std::fmt::Write;

use super::text::clean;
use crate::model::{Map, slug};

/// Where a piece of text stands in a journey, which decides what must be escaped.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// A title, description or comment argument.
    Text,
    /// A section name, where a line break is `<br>`.
    Section,
    /// A task name, first on its line: a keyword there would be read as the keyword.
    Task,
    /// An actor, between commas.
    Actor,
    /// A line of an `accDescr { … }` block, which ends at `}`.
    Block,
}

/// Text Mermaid reads back as exactly `s` (after [`clean`]). Characters its grammar
/// reads as syntax are entity codes: `:` (fields), `;` (an error), `#` and `%` (comments
/// and directives), `<` and `>` (HTML, and `<br>` line breaks), `` ` ``, `[` and `]`
/// (a Markdown fence or link, should a viewer not keep the block as code), `,` between actors and `}` in a description block. So are spaces at either
/// end, which Mermaid would trim, and the first letter of a task name that begins with
/// a keyword (`section …`, `title …`, `journey`). In section and task names a line
/// break becomes `<br>`, which Mermaid draws as one.
fn safe(s: &str, place: Place) -> String {
    let breaks = matches!(place, Place::Task | Place::Section);
    let parts: Vec<String> = if breaks {
        s.split('\n').map(|part| escape(part, place)).collect()
    } else {
        vec![escape(s, place)]
    };
    let mut out = parts.join("<br>");
    if place == Place::Task && starts_with_keyword(&out) {
        let first = out.chars().next().unwrap_or(' ');
        out = format!("#{};{}", u32::from(first), &out[first.len_utf8()..]);
    }
    if out.is_empty() {
        // Mermaid needs some text; a space is the nearest to none.
        out = "#32;".to_string();
    }
    out
}

fn escape(s: &str, place: Place) -> String {
    let s = clean(s);
    let chars: Vec<char> = s.chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let trail = chars.len() - chars.iter().rev().take_while(|c| c.is_whitespace()).count();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let syntax = matches!(c, ':' | ';' | '#' | '%' | '<' | '>' | '`' | '[' | ']')
            || (c == ',' && place == Place::Actor)
            || (c == '}' && place == Place::Block);
        if syntax || i < lead || i >= trail.max(lead) {
            let _ = write!(out, "#{};", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether Mermaid's lexer would read `s`, first on a line, as a keyword.
fn starts_with_keyword(s: &str) -> bool {
    let at = |word: &str| {
        s.get(..word.len())
            .filter(|head| head.eq_ignore_ascii_case(word))
            .map(|_| &s[word.len()..])
    };
    let space_after = |rest: &str| rest.chars().next().is_some_and(char::is_whitespace);
    at("journey").is_some_and(|rest| {
        !rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    }) || at("title").is_some_and(space_after)
        || at("section").is_some_and(space_after)
        || ["accTitle", "accDescr"]
            .iter()
            .any(|k| at(k).is_some_and(|rest| rest.trim_start().starts_with([':', '{'])))
}

fn score(emotion: Option<i64>) -> i64 {
    emotion.unwrap_or(0).clamp(-2, 2) + 3
}

/// An emotion on the map's own scale as -2..=2, Mermaid's 1..5 less three.
fn scaled(map: &Map, e: i64) -> i64 {
    map.normalised(e).round() as i64
}

pub fn render(map: &Map) -> String {
    let mut out = String::from("journey\n");
    let title = clean(&map.title.value);
    if !title.trim().is_empty() {
        let _ = writeln!(out, "    title {}", safe(&title, Place::Text));
        let _ = writeln!(out, "    accTitle: {}", safe(&title, Place::Text));
    }
    if let Some(d) = map.description.as_deref().filter(|d| !d.trim().is_empty()) {
        if d.trim().contains('\n') {
            out.push_str("    accDescr {\n");
            for line in d.lines().filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(out, "        {}", safe(line, Place::Block));
            }
            out.push_str("    }\n");
        } else {
            let _ = writeln!(out, "    accDescr: {}", safe(d, Place::Text));
        }
    }
    for p in &map.personas {
        let _ = writeln!(
            out,
            "    %% cjm persona {} {}",
            safe(&p.ident.id, Place::Text),
            safe(&p.name, Place::Actor)
        );
    }
    let id_comment = |out: &mut String, indent: &str, id: &str, name: &str| {
        if id != slug(name) {
            let _ = writeln!(out, "{indent}%% cjm id {}", safe(id, Place::Text));
        }
    };
    for stage in &map.stages {
        id_comment(&mut out, "    ", &stage.ident.id, &stage.name.value);
        let _ = writeln!(
            out,
            "    section {}",
            safe(&stage.name.value, Place::Section)
        );
        let stage_emotion = stage.emotion.as_ref().map(|e| e.value);
        let actor = |id: &str| {
            map.personas
                .iter()
                .find(|p| p.ident.id == id)
                .map_or(id.to_string(), |p| p.name.clone())
        };
        if stage.touchpoints.is_empty() && !stage.emotions.is_empty() {
            // One marked task per persona, that persona its actor.
            for (persona, e) in &stage.emotions {
                out.push_str("      %% cjm stage-emotion\n");
                let _ = writeln!(
                    out,
                    "      {}: {}: {}",
                    safe(&stage.name.value, Place::Task),
                    score(Some(scaled(map, e.value))),
                    safe(&actor(&persona.value), Place::Actor)
                );
            }
        } else if stage.touchpoints.is_empty()
            && let Some(e) = stage_emotion
        {
            // Mermaid draws a section only through its tasks: the stage's own emotion
            // stands in as one, marked so that import reads it back as the stage's.
            out.push_str("      %% cjm stage-emotion\n");
            let _ = writeln!(
                out,
                "      {}: {}",
                safe(&stage.name.value, Place::Task),
                score(Some(scaled(map, e)))
            );
        }
        for (i, t) in stage.touchpoints.iter().enumerate() {
            // A task named like the one before would read back as that touchpoint felt by
            // another persona; its id comment, even a derived one, keeps them apart.
            let follows_namesake = i > 0
                && stage
                    .touchpoints
                    .get(i - 1)
                    .is_some_and(|p| p.name.value == t.name.value);
            if follows_namesake {
                let _ = writeln!(out, "      %% cjm id {}", safe(&t.ident.id, Place::Text));
            } else {
                id_comment(&mut out, "      ", &t.ident.id, &t.name.value);
            }
            // Mermaid scores a task once: a touchpoint felt differently by each persona
            // becomes one task per persona, that persona its actor.
            if !t.emotions.is_empty() {
                for (persona, e) in &t.emotions {
                    let _ = writeln!(
                        out,
                        "      {}: {}: {}",
                        safe(&t.name.value, Place::Task),
                        score(Some(scaled(map, e.value))),
                        safe(&actor(&persona.value), Place::Actor)
                    );
                }
                continue;
            }
            let actors: Vec<String> = t
                .personas
                .iter()
                .filter_map(|id| map.personas.iter().find(|p| p.ident.id == id.value))
                .map(|p| safe(&p.name, Place::Actor))
                .collect();
            let _ = write!(
                out,
                "      {}: {}",
                safe(&t.name.value, Place::Task),
                score(t.emotion.or(stage_emotion).map(|e| scaled(map, e)))
            );
            if !actors.is_empty() {
                let _ = write!(out, ": {}", actors.join(", "));
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Place, safe, score};

    #[test]
    fn syntax_becomes_entity_codes_mermaid_draws_as_the_text() {
        assert_eq!(
            safe("a: b; c # d `e` 50% <br>", Place::Task),
            "a#58; b#59; c #35; d #96;e#96; 50#37; #60;br#62;"
        );
        assert_eq!(
            safe("Maya, busy parent", Place::Actor),
            "Maya#44; busy parent"
        );
        assert_eq!(safe("Maya, busy parent", Place::Task), "Maya, busy parent");
        assert_eq!(safe("Section two", Place::Task), "#83;ection two");
        assert_eq!(safe("Section two", Place::Section), "Section two");
        assert_eq!(safe("a\nb", Place::Text), "a b");
        assert_eq!(safe("journey", Place::Task), "#106;ourney");
        assert_eq!(safe("Journeys", Place::Task), "Journeys");
        assert_eq!(safe("accTitle: x", Place::Task), "accTitle#58; x");
        assert_eq!(safe("accDescr {x}", Place::Task), "#97;ccDescr {x}");
        assert_eq!(safe(" two\nlines ", Place::Task), "#32;two<br>lines#32;");
        assert_eq!(safe("{x}", Place::Block), "{x#125;");
        assert_eq!(safe("\u{1}", Place::Task), "#32;");
        assert_eq!(score(Some(-2)), 1);
        assert_eq!(score(None), 3);
    }
}
