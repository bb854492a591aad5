//! Finding the diagram in a file and doing what Mermaid does before it parses: a
//! leading BOM and CR line ends, the Markdown fence holding the first journey, YAML
//! front matter (`---` … `---`, whose `title:` counts), `%%{ … }%%` directives and
//! `%%` comment lines. Removed text is blanked rather than cut, so every byte keeps
//! its offset and every finding its line and column in the file.

use crate::diag::{Diagnostic, Pos, Span};

/// The file as the lexer sees it, and where things are in it.
pub struct Prepared {
    /// The file (BOM gone, line ends `\n`), for lines and columns.
    pub text: String,
    /// The same bytes with front matter, directives and comment lines blanked.
    pub blanked: String,
    /// The diagram is `blanked[start..end]`.
    pub start: usize,
    pub end: usize,
    /// Whether the diagram came from a Markdown fence.
    pub fenced: bool,
    /// The front matter's `title:`.
    pub front_title: Option<String>,
    /// `%% cjm …` lines: offset and what follows `%% cjm`.
    pub cjm: Vec<(usize, String)>,
    pub warnings: Vec<Diagnostic>,
}

/// Mermaid's front-matter pattern (`frontMatterRegex`).
const FRONT_MATTER: &str = r"(?s)\A-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+";

/// Lines and columns of a text.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |s| s.chars().count());
        Pos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
        }
    }

    /// The span of `start..end`, cut at the end of `start`'s line; never empty.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let from = self.pos(start);
        let line_end = self.text.get(start..).and_then(|s| s.find('\n'));
        let end = line_end.map_or(end, |i| end.min(start + i));
        let mut to = self.pos(end.max(start));
        if to.col <= from.col {
            to = Pos {
                line: from.line,
                col: from.col + 1,
            };
        }
        Span::new(from, to)
    }

    /// The text of 1-based `line`.
    pub fn line(&self, line: u32) -> &'a str {
        let i = (line as usize).saturating_sub(1);
        let start = self.starts.get(i).copied().unwrap_or(self.text.len());
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |e| e.saturating_sub(1));
        self.text.get(start..end.max(start)).unwrap_or("")
    }
}

/// Blanks `range` of `s`, keeping line breaks (and so every offset and line number).
fn blank(s: &mut [u8], range: std::ops::Range<usize>) {
    for b in s.iter_mut().take(range.end).skip(range.start) {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// A fenced code block whose info string is `mermaid`: its body's byte range.
fn mermaid_fences(text: &str) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut open: Option<(char, usize, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = line.trim_start_matches(' ');
        let fence = body.chars().next().filter(|c| matches!(c, '`' | '~'));
        let run = fence.map_or(0, |f| body.chars().take_while(|&c| c == f).count());
        match open {
            Some((f, len, start)) => {
                if indent <= 3 && fence == Some(f) && run >= len && body[run..].trim().is_empty() {
                    blocks.push((start, here));
                    open = None;
                }
            }
            None => {
                let Some(f) = fence.filter(|_| indent <= 3 && run >= 3) else {
                    continue;
                };
                let info = body[run..].trim();
                if f == '`' && info.contains('`') {
                    continue;
                }
                if info.split_whitespace().next() == Some("mermaid") {
                    open = Some((f, run, offset));
                }
            }
        }
    }
    if let Some((_, _, start)) = open {
        blocks.push((start, text.len()));
    }
    blocks
}

/// Prepares `file`: the whole text is the diagram, unless it holds ```` ```mermaid ````
/// or `~~~mermaid` fences, in which case the first of them that is a journey is.
pub fn prepare(file: &str) -> Prepared {
    let text = file.strip_prefix('\u{FEFF}').unwrap_or(file);
    // Mermaid turns CR LF and lone CR into LF; same length keeps the offsets.
    let text = text.replace("\r\n", " \n").replace('\r', "\n");
    let fences = mermaid_fences(&text);
    if fences.is_empty() {
        let end = text.len();
        return prepare_range(text, 0, end);
    }
    let mut first = None;
    for &(start, end) in &fences {
        let prepared = prepare_range(text.clone(), start, end);
        if prepared.is_journey() {
            return Prepared {
                fenced: true,
                ..prepared
            };
        }
        first.get_or_insert(prepared);
    }
    let (start, end) = fences[0];
    Prepared {
        fenced: true,
        ..first.unwrap_or_else(|| prepare_range(text, start, end))
    }
}

impl Prepared {
    /// Whether Mermaid's detector (`/^\s*journey/`, on the cleaned text) sees a journey.
    pub fn is_journey(&self) -> bool {
        self.blanked
            .get(self.start..self.end)
            .is_some_and(|s| s.trim_start().starts_with("journey"))
    }
}

fn prepare_range(text: String, start: usize, end: usize) -> Prepared {
    let mut blanked = text.clone().into_bytes();
    let mut warnings = Vec::new();
    let lines = Lines::new(&text);
    let mut front_title = None;
    let body = &text[start..end];
    if let Ok(re) = regex_lite::Regex::new(FRONT_MATTER)
        && let Some(m) = re.captures(body)
        && let (Some(all), Some(yaml)) = (m.get(0), m.get(1))
    {
        front_title =
            front_matter_title(yaml.as_str(), start + yaml.start(), &lines, &mut warnings);
        blank(&mut blanked, start..start + all.end());
    }
    // Directives, as Mermaid's `directiveRegex` finds them.
    let mut at = start;
    while let Some(open) = find(&blanked, at, end, b"%%{") {
        let Some((close, closed)) = directive(&blanked, open, end) else {
            at = open + 3;
            continue;
        };
        if !closed {
            warnings.push(
                Diagnostic::new(
                    "unclosed-directive",
                    crate::diag::Severity::Warning,
                    lines.span(open, open + 3),
                    "this `%%{` directive is never closed, so Mermaid ignores the rest of the diagram",
                )
                .with_help("end the directive with `}%%`"),
            );
        }
        blank(&mut blanked, open..close);
        at = close;
    }
    // Comment lines: `%%` (not `%%{`) first on a line.
    let mut cjm = Vec::new();
    let mut line_start = start;
    while line_start < end {
        let line_end = find(&blanked, line_start, end, b"\n").unwrap_or(end);
        let line = String::from_utf8_lossy(&blanked[line_start..line_end]).into_owned();
        let trimmed = line.trim_start();
        if let Some(comment) = trimmed.strip_prefix("%%")
            && !comment.starts_with('{')
            && !comment.is_empty()
        {
            if let Some(rest) = comment.trim().strip_prefix("cjm ") {
                cjm.push((line_start, rest.trim().to_string()));
            }
            blank(&mut blanked, line_start..line_end);
        }
        line_start = line_end + 1;
    }
    let blanked = String::from_utf8(blanked).unwrap_or_else(|_| " ".repeat(text.len()));
    Prepared {
        text,
        blanked,
        start,
        end,
        fenced: false,
        front_title,
        cjm,
        warnings,
    }
}

/// The end of the directive at `open`, by Mermaid's pattern
/// `%%{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%%).|\r?\n)*))?\s*(?:}%%)?`, and
/// whether it reached a `}%%`; `None` when the pattern does not match there.
fn directive(s: &[u8], open: usize, end: usize) -> Option<(usize, bool)> {
    let space = |mut i: usize| {
        while i < end && s[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let word = |i: usize| {
        s.get(i..end).map_or(0, |w| {
            w.iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count()
        })
    };
    let mut i = space(open + 3);
    let w = word(i);
    if w == 0 {
        return None;
    }
    let after = space(i + w);
    i = if s.get(after) == Some(&b':') {
        after + 1
    } else {
        i + w
    };
    i = space(i);
    let mut closed = true;
    match word(i) {
        0 => match find(s, i, end, b"}%%") {
            Some(c) => i = c,
            None => {
                i = end;
                closed = false;
            }
        },
        w => i += w,
    }
    i = space(i);
    if s.get(i..i + 3) == Some(b"}%%") {
        i += 3;
    }
    Some((i.min(end), closed))
}

fn find(s: &[u8], from: usize, to: usize, needle: &[u8]) -> Option<usize> {
    s.get(from..to)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// The front matter's `title`, read as YAML the way Mermaid's `js-yaml` does for a
/// scalar title; the rest (`config`) only styles the picture.
fn front_matter_title(
    yaml: &str,
    offset: usize,
    lines: &Lines,
    warnings: &mut Vec<Diagnostic>,
) -> Option<String> {
    if yaml.trim().is_empty() {
        return None;
    }
    let parsed = crate::read::parse(yaml, &crate::read::Limits::default());
    let Some(root) = parsed.root else {
        let title_line = yaml.lines().any(|l| l.trim_start().starts_with("title"));
        if title_line {
            warnings.push(
                Diagnostic::new(
                    "front-matter",
                    crate::diag::Severity::Warning,
                    lines.span(offset, offset + yaml.find('\n').unwrap_or(yaml.len())),
                    "cannot read this front matter as YAML, so its `title:` is not used",
                )
                .with_help("Mermaid refuses it too; fix the YAML between the `---` lines"),
            );
        }
        return None;
    };
    match root.get("title")?.to_json() {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_)) => Some(v.to_string()),
        _ => None,
    }
}
