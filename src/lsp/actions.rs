//! Code actions on cjm's findings: apply a "did you mean", silence a lint rule with a
//! `# cjm: allow` comment, and create an item a reference names but nothing defines.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    Position, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::State;

/// The suggestion in a "did you mean `x`?" help.
pub fn suggestion(help: &str) -> Option<&str> {
    let rest = help.split("did you mean `").nth(1)?;
    let end = rest.find("`?")?;
    rest.get(..end)
}

fn edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
}

pub fn actions(state: &State, p: CodeActionParams) -> Result<Option<CodeActionResponse>, String> {
    let uri = &p.text_document.uri;
    let Some(text) = state.text(uri) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for d in &p.context.diagnostics {
        if d.source.as_deref() != Some("cjm") {
            continue;
        }
        let code = match &d.code {
            Some(lsp_types::NumberOrString::String(c)) => c.as_str(),
            _ => "",
        };
        let help = d
            .data
            .as_ref()
            .and_then(|v| v.get("help"))
            .and_then(|h| h.as_str())
            .or_else(|| d.message.split("\nhelp: ").nth(1));
        if let Some(best) = help.and_then(suggestion) {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Replace with `{best}`"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(edit(uri, vec![TextEdit::new(d.range, best.to_string())])),
                is_preferred: Some(true),
                ..Default::default()
            }));
        }
        if crate::rules::find(code).is_some() {
            let line = d.range.start.line;
            let indent: String = text
                .line(line as usize)
                .chars()
                .take_while(|c| *c == ' ')
                .collect();
            let comment = format!("{indent}# cjm: allow {code} -- reason\n");
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Allow `{code}` here (with a reason)"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(edit(
                    uri,
                    vec![TextEdit::new(
                        Range::new(Position::new(line, 0), Position::new(line, 0)),
                        comment,
                    )],
                )),
                ..Default::default()
            }));
        }
        if let Some(created) = super::create::missing(text, code, d) {
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: created.0,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(edit(uri, vec![created.1])),
                ..Default::default()
            }));
        }
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggestions_are_read_from_the_help() {
        assert_eq!(
            super::suggestion("did you mean `checkout`?"),
            Some("checkout")
        );
        assert_eq!(
            super::suggestion("did you mean `a`? no file `x` exists"),
            Some("a")
        );
        assert_eq!(super::suggestion("known touchpoints: a, b"), None);
        assert_eq!(super::suggestion("did you mean `broken"), None);
    }
}
