//! The "create it" fix: a reference names a touchpoint, pain point, research or persona
//! nothing defines; add one with that id (and the id as its name, to be rewritten) to
//! the list it belongs in: the stage's for touchpoints and pain points, the map's for
//! research and personas. Read from indentation, like completion.

use lsp_types::{Position, Range, TextEdit};

use super::schema_docs::parse_line;
use super::text::Text;

pub fn missing(text: &Text, code: &str, d: &lsp_types::Diagnostic) -> Option<(String, TextEdit)> {
    let (list, noun, in_stage) = match code {
        "unknown-touchpoint" => ("touchpoints", "touchpoint", true),
        "unknown-pain-point" => ("pain_points", "pain point", true),
        "unknown-research" => ("research", "research", false),
        "unknown-persona" => ("personas", "persona", false),
        _ => return None,
    };
    if d.range.start.line != d.range.end.line {
        return None;
    }
    let line = text.line(d.range.start.line as usize);
    let from = text.offset(d.range.start) - text.offset(Position::new(d.range.start.line, 0));
    let to = text.offset(d.range.end) - text.offset(Position::new(d.range.end.line, 0));
    let id = line.get(from..to)?.trim_matches(['"', '\'']);
    if id.is_empty() {
        return None;
    }
    let at = d.range.start.line as usize;
    // A bare persona id at the top level names a library persona: writing one out in a
    // flow list is not this fix's job.
    if code == "unknown-persona" && parse_line(line).is_some_and(|l| l.col == 0) {
        return None;
    }
    let (start, end, col) = if in_stage {
        stage_block(text, at)?
    } else {
        (0, text.line_count(), 0)
    };
    let pad = " ".repeat(col);
    let found = (start..end)
        .find(|&n| parse_line(text.line(n)).is_some_and(|l| l.key == Some(list) && l.col == col));
    let (after, insert) = match found {
        Some(key_line) => {
            let l = parse_line(text.line(key_line))?;
            if !l.rest.is_empty() {
                return None;
            }
            let mut last = key_line;
            let mut dash = None;
            for n in key_line + 1..end {
                match parse_line(text.line(n)) {
                    None => continue,
                    Some(l) if l.first > col || (l.first == col && l.dash) => {
                        if l.dash && dash.is_none() {
                            dash = Some(l.first);
                        }
                        last = n;
                    }
                    Some(_) => break,
                }
            }
            let ind = " ".repeat(dash.unwrap_or(col + 2));
            (last, format!("{ind}- id: {id}\n{ind}  name: {id}\n"))
        }
        None => {
            let last = (start..end)
                .rev()
                .find(|&n| parse_line(text.line(n)).is_some())?;
            (
                last,
                format!("{pad}{list}:\n{pad}  - id: {id}\n{pad}    name: {id}\n"),
            )
        }
    };
    let edit = if after + 1 < text.line_count() {
        let p = Position::new(after as u32 + 1, 0);
        TextEdit::new(Range::new(p, p), insert)
    } else {
        let last = text.line(after);
        let units: usize = last.chars().map(char::len_utf16).sum();
        let p = Position::new(after as u32, units as u32);
        TextEdit::new(
            Range::new(p, p),
            format!("\n{}", insert.trim_end_matches('\n')),
        )
    };
    Some((format!("Create the {noun} `{id}`"), edit))
}

/// The stage item around line `at`: its first line, the line after it, and the column
/// of its keys.
fn stage_block(text: &Text, at: usize) -> Option<(usize, usize, usize)> {
    let stages = (0..=at).rev().find(|&n| {
        parse_line(text.line(n)).is_some_and(|l| l.col == 0 && l.key == Some("stages"))
    })?;
    let col = (stages + 1..text.line_count())
        .filter_map(|n| parse_line(text.line(n)))
        .find(|l| l.dash)?
        .col;
    let start = (stages + 1..=at).rev().find(|&n| {
        parse_line(text.line(n)).is_some_and(|l| l.dash && l.col == col && l.first < col)
    })?;
    let end = (start + 1..text.line_count())
        .find(|&n| parse_line(text.line(n)).is_some_and(|l| l.first < col))
        .unwrap_or(text.line_count());
    Some((start, end, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str, code: &str, id: &str) -> String {
        let t = Text::new(text.to_string());
        let (n, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(&format!(": {id}")))
            .unwrap();
        let col = line.find(&format!(": {id}")).unwrap() + 2;
        let d = lsp_types::Diagnostic {
            range: Range::new(
                Position::new(n as u32, col as u32),
                Position::new(n as u32, (col + id.len()) as u32),
            ),
            ..Default::default()
        };
        let (_, edit) = missing(&t, code, &d).unwrap();
        let mut t = t;
        t.apply(Some(edit.range), &edit.new_text);
        t.text
    }

    #[test]
    fn a_missing_touchpoint_joins_its_stage() {
        let map = "stages:\n  - name: A\n    touchpoints:\n      - id: a\n        name: A\n    pain_points:\n      - name: P\n        touchpoint: b\n  - name: B\n";
        assert_eq!(
            fix(map, "unknown-touchpoint", "b"),
            "stages:\n  - name: A\n    touchpoints:\n      - id: a\n        name: A\n      - id: b\n        name: b\n    pain_points:\n      - name: P\n        touchpoint: b\n  - name: B\n"
        );
        let map = "stages:\n  - name: A\n    pain_points:\n      - name: P\n        touchpoint: b";
        assert_eq!(
            fix(map, "unknown-touchpoint", "b"),
            "stages:\n  - name: A\n    pain_points:\n      - name: P\n        touchpoint: b\n    touchpoints:\n      - id: b\n        name: b"
        );
    }
}
