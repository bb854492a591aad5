//! `cjm import`: a Mermaid `journey` diagram turned into a map. Sections become stages,
//! tasks become touchpoints with an emotion (Mermaid's 1..5 score, shifted to −2..+2)
//! and their actors as `personas:`, each stage's emotion is the rounded mean of its
//! tasks, and actors become personas.
//!
//! The diagram is read the way Mermaid reads it: `source` does Mermaid's preprocessing
//! and `lexer` ports its journey grammar, so whatever Mermaid draws imports, and what it
//! refuses is a located error. `%% cjm …` comments, which Mermaid ignores, carry what
//! `cjm render --format mermaid` needs to give back the same ids.

mod lexer;
mod source;
mod yaml;

pub use yaml::to_yaml;

use crate::diag::{Diagnostic, Severity};
use lexer::{Kind, Lexer, Token};
use source::{Lines, Prepared};

/// The stage that holds tasks written before any `section`.
const UNSECTIONED: &str = "(no section)";

/// One task line: `Make tea: 5: Me, Cat`.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub name: String,
    /// Mermaid's score, in 1..5.
    pub score: i64,
    pub actors: Vec<String>,
    /// The touchpoint id a `%% cjm id …` comment gave it.
    pub id: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub name: String,
    pub tasks: Vec<Task>,
    /// The stage id a `%% cjm id …` comment gave it.
    pub id: Option<String>,
    /// The stage's own emotion, from a task marked `%% cjm stage-emotion`: how the
    /// export draws a stage without touchpoints.
    pub emotion: Option<i64>,
    /// `(actor, emotion)` from such tasks with one actor each: a stage felt differently
    /// by each persona.
    pub emotions: Vec<(String, i64)>,
}

/// A persona named by a `%% cjm persona ID NAME` comment.
#[derive(Clone, Debug, PartialEq)]
pub struct Persona {
    pub id: String,
    pub name: String,
}

/// A Mermaid journey, as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journey {
    /// The last `title`, else the front matter's `title:`.
    pub title: Option<String>,
    pub acc_title: Option<String>,
    /// `accDescr`, one line or a `{ … }` block.
    pub description: Option<String>,
    pub sections: Vec<Section>,
    pub personas: Vec<Persona>,
}

/// A journey that reads, with the warnings met on the way (each located).
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub journey: Journey,
    pub warnings: Vec<Diagnostic>,
}

/// Reads a `.mmd` file, or the first Mermaid journey fenced in a Markdown file. Every
/// finding is on its line of the whole file and carries that line's text; the error
/// case holds the warnings too.
pub fn parse(file: &str) -> Result<Imported, Vec<Diagnostic>> {
    let prepared = source::prepare(file);
    let lines = Lines::new(&prepared.text);
    let mut reader = Reader {
        prepared: &prepared,
        lines: &lines,
        journey: Journey::default(),
        errors: Vec::new(),
        warnings: prepared.warnings.clone(),
    };
    reader.read();
    let Reader {
        journey,
        errors,
        warnings,
        ..
    } = reader;
    let failed = !errors.is_empty();
    let mut found: Vec<Diagnostic> = errors.into_iter().chain(warnings).collect();
    for d in &mut found {
        d.set_line(lines.line(d.span.start.line));
    }
    found.sort_by_key(|d| d.span.start);
    crate::codes::debug_assert_known(&found);
    if failed {
        Err(found)
    } else {
        Ok(Imported {
            journey,
            warnings: found,
        })
    }
}

struct Reader<'a> {
    prepared: &'a Prepared,
    lines: &'a Lines<'a>,
    journey: Journey,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// What a `%% cjm` comment says about the statement after it.
#[derive(Default)]
struct Pending {
    id: Option<String>,
    stage_emotion: bool,
}

impl Reader<'_> {
    /// Source text as Mermaid's lexer sees it (comments and directives blanked).
    fn raw(&self, range: (usize, usize)) -> &str {
        self.prepared.blanked.get(range.0..range.1).unwrap_or("")
    }

    fn error(&mut self, code: &'static str, range: (usize, usize), message: String, help: &str) {
        let span = self.lines.span(range.0, range.1);
        self.errors
            .push(Diagnostic::error(code, span, message).with_help(help));
    }

    fn warn(&mut self, code: &'static str, range: (usize, usize), message: String, help: &str) {
        let span = self.lines.span(range.0, range.1);
        self.warnings
            .push(Diagnostic::new(code, Severity::Warning, span, message).with_help(help));
    }

    fn read(&mut self) {
        let p = self.prepared;
        let masked = lexer::mask_entities(&p.blanked);
        let mut tokens = Lexer::new(&masked, p.start, p.end).peekable();
        while tokens.next_if(|t| t.kind == Kind::Newline).is_some() {}
        if !self.header(tokens.next()) {
            return;
        }
        let mut comments = p.cjm.iter().peekable();
        let mut pending = Pending::default();
        let mut acc_title_at = (p.start, p.start);
        while let Some(t) = tokens.next() {
            while let Some((_, text)) = comments.next_if(|(at, _)| *at < t.start) {
                self.comment(text, &mut pending);
            }
            match t.kind {
                Kind::Newline => {}
                Kind::Title => self.journey.title = Some(self.text(t.value)),
                Kind::AccTitle => {
                    self.journey.acc_title = Some(self.text(t.value));
                    acc_title_at = (t.start, t.end);
                }
                Kind::AccDescr => self.journey.description = Some(self.text(t.value)),
                Kind::AccDescrBlock { closed } => {
                    if !closed {
                        self.warn(
                            "unclosed-description",
                            (t.start, t.value.0),
                            "this `accDescr {` block is never closed, so Mermaid reads the rest of the diagram as its text".into(),
                            "end the description with `}`",
                        );
                    }
                    // Mermaid trims it and drops the indentation of every line (and
                    // so blank lines), then draws the entities.
                    let raw = self.raw(t.value).trim();
                    let mut lines = raw.lines().map(str::trim_start);
                    let mut joined = lines.next().unwrap_or("").to_string();
                    for l in lines.filter(|l| !l.is_empty()) {
                        joined.push('\n');
                        joined.push_str(l);
                    }
                    self.journey.description = Some(decode(&joined));
                }
                Kind::Section => {
                    let name = breaks(self.raw(t.value).trim());
                    self.journey.sections.push(Section {
                        name: decode(&name),
                        tasks: Vec::new(),
                        id: pending.id.take(),
                        emotion: None,
                        emotions: Vec::new(),
                    });
                    pending = Pending::default();
                }
                Kind::TaskName => {
                    let data = tokens.next_if(|d| d.kind == Kind::TaskData);
                    match data {
                        Some(data) => self.task(t, data, std::mem::take(&mut pending)),
                        None => {
                            let name = self.raw(t.value).trim().to_string();
                            self.error(
                                "mermaid-syntax",
                                (t.start, t.end),
                                format!("Mermaid cannot read `{}`: a task needs a score after a `:`", short(&name)),
                                "write a task as `Task name: 1..5: Actor, Actor`; `#` and `;` cannot stand in text, write `#35;` and `#59;`",
                            );
                            skip_line(&mut tokens);
                        }
                    }
                }
                Kind::Journey => {
                    let end = line_end(p, t.start);
                    self.error(
                        "mermaid-syntax",
                        (t.start, end),
                        "Mermaid reads `journey` here as its keyword, which may only start the diagram".into(),
                        "a name that begins with the word journey must begin with an entity, e.g. `#74;ourney`",
                    );
                    skip_line(&mut tokens);
                }
                Kind::TaskData | Kind::Colon | Kind::Invalid => {
                    let end = line_end(p, t.start);
                    let what = self.raw((t.start, end)).trim().to_string();
                    self.error(
                        "mermaid-syntax",
                        (t.start, end),
                        format!("cannot read `{}` in a Mermaid journey", short(&what)),
                        "a journey holds `title TEXT`, `section NAME` and task lines `Task: 5: Actor`; a section name cannot hold `:`, and `;` cannot stand in text (write `#59;`)",
                    );
                    skip_line(&mut tokens);
                }
            }
        }
        if self.journey.title.is_none() {
            self.journey.title = p.front_title.clone();
        }
        if let (Some(title), Some(acc)) = (&self.journey.title, &self.journey.acc_title)
            && title.trim() != acc.trim()
        {
            let message = format!(
                "the map keeps the title `{}`, not this accessible title `{}`",
                short(title),
                short(acc)
            );
            self.warn(
                "acc-title-dropped",
                acc_title_at,
                message,
                "a map has one title; the Mermaid export writes it as both `title` and `accTitle`",
            );
        }
        if self.journey.sections.is_empty() && self.errors.is_empty() {
            self.error(
                "no-sections",
                (p.start, p.start + 1),
                "the journey has no `section`, so the map would have no stage".into(),
                "add `section NAME` with its tasks",
            );
        }
    }

    /// Checks that the diagram starts with `journey`, as Mermaid's detector and grammar
    /// require; false (with the error) when it does not.
    fn header(&mut self, first: Option<Token>) -> bool {
        let p = self.prepared;
        match first {
            Some(t) if t.kind == Kind::Journey && self.raw(t.value) == "journey" => return true,
            Some(t) if t.kind == Kind::Journey => {
                self.error(
                    "not-a-journey",
                    (t.start, t.end),
                    format!(
                        "Mermaid knows a journey only by `journey` in lower case, not `{}`",
                        self.raw(t.value)
                    ),
                    "write `journey`",
                );
            }
            Some(t) => {
                let end = line_end(p, t.start);
                let message = if p.fenced && !p.is_journey() {
                    "no Mermaid block in this Markdown is a journey; the first is not".into()
                } else {
                    "this is not a Mermaid journey: its first statement must be `journey`".into()
                };
                self.error(
                    "not-a-journey",
                    (t.start, end),
                    message,
                    "cjm imports Mermaid `journey` diagrams only",
                );
            }
            None => {
                self.error(
                    "not-a-journey",
                    (p.start, p.start + 1),
                    "the file holds no Mermaid journey".into(),
                    "a journey starts with the line `journey`",
                );
            }
        }
        false
    }

    /// A `%% cjm` comment's text, decoded.
    fn comment(&mut self, text: &str, pending: &mut Pending) {
        let mut words = text.splitn(3, ' ');
        match (words.next(), words.next(), words.next()) {
            (Some("id"), Some(id), None) => pending.id = Some(decode(id)),
            (Some("stage-emotion"), None, None) => pending.stage_emotion = true,
            (Some("persona"), Some(id), Some(name)) => {
                let (id, name) = (decode(id), decode(name.trim()));
                if !self.journey.personas.iter().any(|p| p.id == id) {
                    self.journey.personas.push(Persona { id, name });
                }
            }
            _ => {}
        }
    }

    fn text(&self, range: (usize, usize)) -> String {
        decode(self.raw(range).trim())
    }

    fn task(&mut self, name: Token, data: Token, pending: Pending) {
        let raw = self.raw(data.value).to_string();
        let mut pieces = raw.split(':');
        let score_raw = pieces.next().unwrap_or("");
        let actors = pieces.next();
        let ignored: Vec<&str> = pieces.collect();
        let task_name = decode(&breaks(self.raw(name.value).trim()));
        let lead = score_raw.len() - score_raw.trim_start().len();
        let score_range = (
            data.value.0 + lead,
            data.value.0 + score_raw.trim_end().len().max(lead + 1),
        );
        let Some(number) = js_number(score_raw) else {
            self.error(
                "bad-score",
                score_range,
                format!("the score of `{}` is not a number", short(&task_name)),
                "write a task as `Task name: 1..5: Actor, Actor`",
            );
            return;
        };
        let score = number.round().clamp(1.0, 5.0) as i64;
        if score as f64 != number {
            let why = if (1.0..=5.0).contains(&number) {
                "is not a whole number"
            } else {
                "is outside 1..5"
            };
            self.warn(
                "score-out-of-range",
                score_range,
                format!(
                    "the score `{}` of `{}` {why}; the map uses {score} (emotion {:+})",
                    score_raw.trim(),
                    short(&task_name),
                    score - 3
                ),
                "Mermaid scores run from 1 (very negative) to 5 (very positive)",
            );
        }
        if !ignored.is_empty() {
            let from = data.value.0 + raw.len() - ignored.join(":").len() - 1;
            self.warn(
                "ignored-text",
                (from, data.value.1),
                format!(
                    "Mermaid ignores `{}` after the task's second `:`",
                    short(ignored.join(":").trim())
                ),
                "a task is `Task name: score: Actor, Actor`; write `:` in text as `#58;`",
            );
        }
        if self.journey.sections.is_empty() {
            // Mermaid draws these tasks without a section; a stage needs a name.
            self.warn(
                "task-outside-section",
                (name.start, data.end),
                format!("this task comes before any `section`; the map puts it in a stage named `{UNSECTIONED}`"),
                "start the stage with `section NAME` above it",
            );
            self.journey.sections.push(Section {
                name: UNSECTIONED.to_string(),
                tasks: Vec::new(),
                id: None,
                emotion: None,
                emotions: Vec::new(),
            });
        }
        let Some(section) = self.journey.sections.last_mut() else {
            return;
        };
        let actors: Vec<String> = actors
            .into_iter()
            .flat_map(|a| a.split(','))
            .map(|a| decode(a.trim()))
            .filter(|a| !a.is_empty())
            .collect();
        if pending.stage_emotion {
            match <[String; 1]>::try_from(actors) {
                Ok([actor]) => section.emotions.push((actor, score - 3)),
                Err(_) => section.emotion = Some(score - 3),
            }
            return;
        }
        section.tasks.push(Task {
            name: task_name,
            score,
            actors,
            id: pending.id,
        });
    }
}

/// Where the line holding `at` ends, within the diagram.
fn line_end(p: &Prepared, at: usize) -> usize {
    p.blanked
        .get(at..p.end)
        .and_then(|s| s.find('\n'))
        .map_or(p.end, |i| at + i)
}

/// Drops tokens up to the end of the line, after an error.
fn skip_line(tokens: &mut std::iter::Peekable<impl Iterator<Item = Token>>) {
    while tokens.next_if(|t| t.kind != Kind::Newline).is_some() {}
}

/// JavaScript's `Number(text)`, which Mermaid applies to a score; `None` for `NaN` and
/// the infinities.
fn js_number(text: &str) -> Option<f64> {
    let t = text.trim_matches(lexer::is_space);
    if t.is_empty() {
        return Some(0.0);
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = t
            .get(..2)
            .filter(|p| p.eq_ignore_ascii_case(prefix))
            .and_then(|_| t.get(2..))
        {
            return u64::from_str_radix(digits, radix).ok().map(|v| v as f64);
        }
    }
    t.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        .then(|| t.parse::<f64>().ok())
        .flatten()
        .filter(|n| n.is_finite())
}

/// Mermaid draws `<br>`, `<br/>` and `<br />` in a section or task name as a line break.
fn breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let len = tail
            .get(..3)
            .filter(|h| h.eq_ignore_ascii_case("<br"))
            .and_then(|_| {
                let after = tail[3..].trim_start_matches(lexer::is_space);
                let after = after.strip_prefix('/').unwrap_or(after);
                after.starts_with('>').then(|| tail.len() - after.len() + 1)
            });
        match len {
            Some(len) => {
                out.push('\n');
                rest = &tail[len..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Mermaid's entity codes (`#35;`, `#quot;`), as the characters they draw.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let len = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        let name = &tail[..len];
        if len == 0 || !tail[len..].starts_with(';') {
            out.push('#');
            rest = tail;
            continue;
        }
        let c = if name.bytes().all(|b| b.is_ascii_digit()) {
            Some(
                name.parse::<u32>()
                    .ok()
                    .and_then(char::from_u32)
                    .filter(|&c| c != '\0')
                    .unwrap_or('\u{FFFD}'),
            )
        } else {
            named(name)
        };
        match c {
            Some(c) => out.push(c),
            None => {
                out.push('&');
                out.push_str(name);
                out.push(';');
            }
        }
        rest = &tail[len + 1..];
    }
    out.push_str(rest);
    out
}

/// The HTML entity names people write in Mermaid text.
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "colon" => ':',
        "semi" => ';',
        "num" => '#',
        "comma" => ',',
        "percnt" => '%',
        "lbrace" | "lcub" => '{',
        "rbrace" | "rcub" => '}',
        "hearts" => '♥',
        _ => return None,
    })
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mermaid's own documentation example.
    const DOCS: &str = "journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

    fn read(text: &str) -> Journey {
        match parse(text) {
            Ok(i) => i.journey,
            Err(e) => panic!("{text}\n{e:#?}"),
        }
    }

    #[test]
    fn mermaid_documentation_example_reads() {
        let j = read(DOCS);
        assert_eq!(j.title.as_deref(), Some("My working day"));
        assert_eq!(j.sections.len(), 2);
        assert_eq!(
            j.sections[0].tasks[2],
            Task {
                name: "Do work".into(),
                score: 1,
                actors: vec!["Me".into(), "Cat".into()],
                id: None,
            }
        );
    }

    #[test]
    fn unreadable_lines_are_located() {
        let errors = parse("journey\n  section A\n    Tea: lots: Me\n  ???\n").unwrap_err();
        let at: Vec<_> = errors
            .iter()
            .map(|d| (d.code, d.span.start.line, d.span.start.col))
            .collect();
        assert_eq!(at, [("bad-score", 3, 10), ("mermaid-syntax", 4, 3)]);
        assert_eq!(parse("graph TD\n").unwrap_err()[0].code, "not-a-journey");
    }

    /// Everything Mermaid accepts around and inside a journey (item 20 of issue 13).
    #[test]
    fn what_mermaid_reads_imports() {
        let j = read(
            "\u{FEFF}---\ntitle: From front matter\nconfig:\n  theme: dark\n---\n%%{init: {'theme': 'forest'}}%%\njourney\n  accTitle: Accessible\n  accDescr {\n    Two\n      lines\n  }\n  Section Go # a comment\n    Make tea: 5: Me # TODO\n    Tea #35;1#59; strong: 4: Me#44; myself\n  SECTION Line1<br/>Line2\n",
        );
        assert_eq!(j.title.as_deref(), Some("From front matter"));
        assert_eq!(j.acc_title.as_deref(), Some("Accessible"));
        assert_eq!(j.description.as_deref(), Some("Two\nlines"));
        assert_eq!(j.sections[0].name, "Go");
        assert_eq!(j.sections[0].tasks[0].actors, ["Me"]);
        assert_eq!(j.sections[0].tasks[1].name, "Tea #1; strong");
        assert_eq!(j.sections[0].tasks[1].actors, ["Me, myself"]);
        assert_eq!(j.sections[1].name, "Line1\nLine2");
        // Comment lines inside a description block are not part of it; a directive
        // ends where Mermaid's pattern ends it.
        let j = read("journey\naccDescr {\nfoo\n%% comment\n   bar\n}\n%%{wrap}%%section A\n");
        assert_eq!(j.description.as_deref(), Some("foo\nbar"));
        assert_eq!(j.sections[0].name, "A");
        assert!(parse("journey\nsection A\n  %%{ unclosed\nT: 5").is_err());
        // A title statement wins over the front matter, as in Mermaid.
        assert_eq!(
            read("---\ntitle: Front\n---\njourney\ntitle Own\nsection A\n")
                .title
                .as_deref(),
            Some("Own")
        );
    }

    #[test]
    fn markdown_imports_the_first_journey_block() {
        let md = "# Doc\n\n```mermaid\nflowchart TD\n  A --> B\n```\n\n~~~mermaid\njourney\n  section Tilde\n    Tea: 3: Me\n~~~\n";
        assert_eq!(read(md).sections[0].name, "Tilde");
        let errors = parse("Text\n\n```mermaid\njourney\nsection A\nTea: x\n```\n").unwrap_err();
        assert_eq!(
            (errors[0].span.start.line, errors[0].span.start.col),
            (6, 6)
        );
    }

    #[test]
    fn scores_outside_one_to_five_are_mapped_with_a_located_warning() {
        let imported = parse("journey\nsection A\n  Tea: 7: Me\n  Cake: 2.6\n  Pie: 3\n").unwrap();
        let scores: Vec<i64> = imported.journey.sections[0]
            .tasks
            .iter()
            .map(|t| t.score)
            .collect();
        assert_eq!(scores, [5, 3, 3]);
        let at: Vec<_> = imported
            .warnings
            .iter()
            .map(|d| (d.code, d.span.start.line, d.span.start.col))
            .collect();
        assert_eq!(
            at,
            [("score-out-of-range", 3, 8), ("score-out-of-range", 4, 9)]
        );
    }

    #[test]
    fn ids_come_back_from_cjm_comments() {
        let j = read(
            "journey\n%% cjm persona maya-p Maya#44; parent\nsection A\n%% cjm id tp-1\nTea: 5: Maya#44; parent\n%% cjm id stage-b\nsection B\n%% cjm stage-emotion\nB: 1\n",
        );
        assert_eq!(
            j.personas,
            [Persona {
                id: "maya-p".into(),
                name: "Maya, parent".into()
            }]
        );
        assert_eq!(j.sections[0].tasks[0].id.as_deref(), Some("tp-1"));
        assert_eq!(j.sections[1].id.as_deref(), Some("stage-b"));
        assert_eq!(j.sections[1].emotion, Some(-2));
        assert!(j.sections[1].tasks.is_empty());
    }

    #[test]
    fn entities_and_line_breaks_decode() {
        assert_eq!(
            decode("a #35;1 #quot;x#quot; #zz; #; #1114112;"),
            "a #1 \"x\" &zz; #; \u{FFFD}"
        );
        assert_eq!(breaks("a<br>b<BR/>c<br \t/>d<bra>"), "a\nb\nc\nd<bra>");
        assert_eq!(js_number(" 5 "), Some(5.0));
        assert_eq!(js_number(""), Some(0.0));
        assert_eq!(js_number("0x4"), Some(4.0));
        assert_eq!(js_number("lots"), None);
        assert_eq!(js_number("Infinity"), None);
    }
}
