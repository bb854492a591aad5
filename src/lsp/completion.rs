//! Completion: keys and enum values from the schema, and ids where a reference is
//! expected, each with its name as detail.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, Position, Range, TextEdit,
};

use super::State;
use super::schema_docs::{self, Context};
use super::workspace::File;

pub fn complete(state: &State, p: CompletionParams) -> Result<Option<CompletionResponse>, String> {
    let at = &p.text_document_position;
    let Some(text) = state.text(&at.text_document.uri) else {
        return Ok(None);
    };
    let library = schema_docs::is_library(text);
    let Some(root) = schema_docs::schema(library) else {
        return Ok(None);
    };
    let context = schema_docs::context(text, at.position);
    let prefix = match &context {
        Context::Key { prefix, .. } | Context::Value { prefix, .. } => prefix.clone(),
    };
    let units: u32 = prefix.chars().map(|c| c.len_utf16() as u32).sum();
    let start = Position::new(
        at.position.line,
        at.position.character.saturating_sub(units),
    );
    let range = Range::new(start, at.position);
    let item =
        |label: String, insert: String, detail: Option<String>, doc: Option<String>, kind| {
            CompletionItem {
                label,
                kind: Some(kind),
                detail,
                documentation: doc.map(|value| {
                    Documentation::MarkupContent(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    })
                }),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, insert))),
                ..Default::default()
            }
        };
    let mut items = Vec::new();
    match context {
        Context::Key { path, .. } => {
            let props = schema_docs::object(root, &path)
                .and_then(|o| o.get("properties"))
                .and_then(|p| p.as_object());
            for (key, node) in props.into_iter().flatten() {
                let doc = schema_docs::doc(node);
                let detail = doc
                    .as_deref()
                    .and_then(|d| d.split(['\n']).next())
                    .map(str::to_string);
                items.push(item(
                    key.clone(),
                    format!("{key}: "),
                    detail,
                    doc,
                    CompletionItemKind::PROPERTY,
                ));
            }
        }
        Context::Value { path, key, .. } => {
            let path_to = super::uri::to_path(&at.text_document.uri);
            for (id, detail) in ids(state, path_to.as_ref(), &path, &key) {
                items.push(item(
                    id.clone(),
                    id,
                    Some(detail),
                    None,
                    CompletionItemKind::REFERENCE,
                ));
            }
            if let Some(node) = schema_docs::property(root, &path, &key) {
                for v in schema_docs::values(root, node) {
                    items.push(item(
                        v.clone(),
                        v,
                        None,
                        None,
                        CompletionItemKind::ENUM_MEMBER,
                    ));
                }
            }
        }
    }
    Ok(Some(CompletionResponse::Array(items)))
}

/// The ids a reference key can name, with their names: the map's own (from its last
/// version that parsed), the libraries', or other maps'.
fn ids(
    state: &State,
    path: Option<&std::path::PathBuf>,
    keys: &[String],
    key: &str,
) -> Vec<(String, String)> {
    let map = path.and_then(|p| {
        state
            .snapshot
            .file(p)
            .and_then(|(_, f)| f.map.as_ref())
            .or_else(|| state.last_good.get(p))
    });
    let libraries = || state.snapshot.files.iter().filter_map(File::library);
    let mut out: Vec<(String, String)> = Vec::new();
    match key {
        "touchpoint" => {
            if let Some(map) = map {
                out.extend(
                    map.touchpoints()
                        .map(|(_, t)| (t.ident.id.clone(), t.name.value.clone())),
                );
            }
        }
        "addresses" => {
            if let Some(map) = map {
                out.extend(
                    map.pain_points()
                        .map(|(_, p)| (p.ident.id.clone(), p.name.value.clone())),
                );
            }
        }
        "evidence" => {
            let describe = |r: &crate::model::Research| {
                r.summary.clone().or(r.kind.clone()).unwrap_or_default()
            };
            if let Some(map) = map {
                out.extend(
                    map.research
                        .iter()
                        .map(|r| (r.ident.id.clone(), describe(r))),
                );
            }
            for lib in libraries() {
                out.extend(
                    lib.research
                        .iter()
                        .map(|r| (r.ident.id.clone(), describe(r))),
                );
            }
        }
        "personas" => {
            if let Some(map) = map {
                out.extend(
                    map.personas
                        .iter()
                        .filter(|p| !p.linked)
                        .map(|p| (p.ident.id.clone(), p.name.clone())),
                );
            }
            if keys.is_empty() {
                for lib in libraries() {
                    out.extend(
                        lib.personas
                            .iter()
                            .map(|p| (p.ident.id.clone(), p.name.clone())),
                    );
                }
            }
        }
        "owner" => {
            for lib in libraries() {
                out.extend(
                    lib.teams
                        .iter()
                        .map(|t| (t.ident.id.clone(), t.name.clone())),
                );
            }
        }
        // A phase's `stages:`, not the map's list of stages.
        "stages" if keys.iter().any(|k| k == "phases") => {
            if let Some(map) = map {
                out.extend(
                    map.stages
                        .iter()
                        .map(|s| (s.ident.id.clone(), s.name.value.clone())),
                );
            }
        }
        "after" => {
            out.extend(
                crate::model::BUILT_IN_LANES
                    .iter()
                    .map(|k| (k.to_string(), "built-in lane".to_string())),
            );
            if let Some(map) = map {
                out.extend(
                    map.lanes
                        .iter()
                        .map(|l| (l.ident.id.clone(), l.name.clone())),
                );
            }
        }
        "baseline" | "parent" | "journey" => {
            for f in &state.snapshot.files {
                if Some(&f.path) == path {
                    continue;
                }
                if let Some(m) = &f.map {
                    out.push((m.id.id.clone(), m.title.value.clone()));
                }
            }
        }
        _ => {}
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|(id, _)| seen.insert(id.clone()));
    out
}
