//! Ids as things to move between: hover, go to definition, find references, rename, and
//! the outline. Stage, touchpoint, pain point and opportunity ids are known inside their
//! map; persona and research ids in the map that writes them out, else in the shared
//! libraries; team and map ids across the workspace.

use std::collections::HashMap;

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, Hover, HoverContents, HoverParams, Location, MarkupContent, MarkupKind,
    PrepareRenameResponse, ReferenceParams, RenameParams, SymbolKind, TextDocumentPositionParams,
    TextEdit, Uri, WorkspaceEdit,
};

use super::State;
use super::index::{self, Kind, Occurrence};
use super::workspace::{File, Snapshot};
use crate::diag::Span;

/// What an occurrence means: an id of a kind, in one file's scope or the workspace's.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub kind: Kind,
    pub id: String,
    pub file: Option<usize>,
}

pub fn occurrences(file: &File) -> Vec<Occurrence> {
    if let Some(lib) = file.library() {
        index::of_library(lib)
    } else if let Some(map) = &file.map {
        index::of_map(map)
    } else {
        Vec::new()
    }
}

fn scope(snapshot: &Snapshot, file: usize, kind: Kind, id: &str) -> Option<usize> {
    let f = snapshot.files.get(file)?;
    if kind.local() {
        return Some(file);
    }
    if matches!(kind, Kind::Persona | Kind::Research) && f.library().is_none() {
        let own = occurrences(f)
            .into_iter()
            .any(|o| o.definition && o.kind == kind && o.id == id);
        if own {
            return Some(file);
        }
    }
    None
}

/// Every place the target is written, definitions first.
pub fn all(snapshot: &Snapshot, target: &Target) -> Vec<(usize, Occurrence)> {
    let mut out: Vec<(usize, Occurrence)> = Vec::new();
    for (i, f) in snapshot.files.iter().enumerate() {
        if target.file.is_some_and(|t| t != i) {
            continue;
        }
        for o in occurrences(f) {
            if o.kind == target.kind
                && o.id == target.id
                && scope(snapshot, i, o.kind, &o.id) == target.file
            {
                out.push((i, o));
            }
        }
    }
    out.sort_by_key(|(i, o)| (!o.definition, *i, o.span));
    out
}

/// The occurrence under the cursor and what it means. An owner that names no library
/// team is free text, not a reference.
pub fn at(state: &State, at: &TextDocumentPositionParams) -> Option<(usize, Occurrence, Target)> {
    let (i, file) = state.file(&at.text_document.uri)?;
    let pos = file.text.pos(at.position);
    let occ = occurrences(file)
        .into_iter()
        .find(|o| index::contains(o.span, pos))?;
    let target = Target {
        kind: occ.kind,
        id: occ.id.clone(),
        file: scope(&state.snapshot, i, occ.kind, &occ.id),
    };
    if occ.kind == Kind::Team
        && !all(&state.snapshot, &target)
            .iter()
            .any(|(_, o)| o.definition)
    {
        return None;
    }
    Some((i, occ, target))
}

fn location(snapshot: &Snapshot, file: usize, span: Span) -> Option<Location> {
    let f = snapshot.files.get(file)?;
    Some(Location::new(f.uri.clone(), f.text.range(span)))
}

pub fn definition(
    state: &State,
    p: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>, String> {
    let Some((_, _, target)) = at(state, &p.text_document_position_params) else {
        return Ok(None);
    };
    let found: Vec<Location> = all(&state.snapshot, &target)
        .into_iter()
        .filter(|(_, o)| o.definition)
        .filter_map(|(i, o)| location(&state.snapshot, i, o.span))
        .collect();
    Ok((!found.is_empty()).then_some(GotoDefinitionResponse::Array(found)))
}

pub fn references(state: &State, p: ReferenceParams) -> Result<Option<Vec<Location>>, String> {
    let Some((_, _, target)) = at(state, &p.text_document_position) else {
        return Ok(None);
    };
    let with_definition = p.context.include_declaration;
    Ok(Some(
        all(&state.snapshot, &target)
            .into_iter()
            .filter(|(_, o)| with_definition || !o.definition)
            .filter_map(|(i, o)| location(&state.snapshot, i, o.span))
            .collect(),
    ))
}

/// Why the target cannot be renamed, if it cannot.
fn refuse(state: &State, target: &Target) -> Option<String> {
    let found = all(&state.snapshot, target);
    if found.iter().any(|(_, o)| o.definition && !o.explicit) {
        return Some(format!(
            "the {} `{}` takes its id from its name; write an `id:` for it first",
            target.kind.noun(),
            target.id
        ));
    }
    if !found.iter().any(|(_, o)| o.definition) {
        return Some(format!(
            "no {} has the id `{}`; fix the reference instead",
            target.kind.noun(),
            target.id
        ));
    }
    None
}

pub fn prepare_rename(
    state: &State,
    p: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>, String> {
    let Some((i, occ, target)) = at(state, &p) else {
        return Ok(None);
    };
    if let Some(why) = refuse(state, &target) {
        return Err(why);
    }
    let Some(file) = state.snapshot.files.get(i) else {
        return Ok(None);
    };
    Ok(Some(PrepareRenameResponse::Range(
        file.text.range(unquoted(file, occ.span)),
    )))
}

/// Ids are single words: letters and digits of any script, `-`, `_` and `.`, so the
/// new one never needs quoting in YAML.
fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(char::is_alphanumeric)
        && chars.all(|c| c.is_alphanumeric() || "-_.".contains(c))
}

pub fn rename(state: &State, p: RenameParams) -> Result<Option<WorkspaceEdit>, String> {
    let Some((_, _, target)) = at(state, &p.text_document_position) else {
        return Ok(None);
    };
    let new = p.new_name.trim();
    if !valid_id(new) {
        return Err(format!(
            "`{new}` cannot be an id: use letters, digits, `-`, `_` and `.`, starting with a letter or digit"
        ));
    }
    if let Some(why) = refuse(state, &target) {
        return Err(why);
    }
    let clash = Target {
        id: new.to_string(),
        ..target.clone()
    };
    if new != target.id
        && all(&state.snapshot, &clash)
            .iter()
            .any(|(_, o)| o.definition)
    {
        return Err(format!(
            "a {} with the id `{new}` already exists; pick another id",
            target.kind.noun()
        ));
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (i, o) in all(&state.snapshot, &target) {
        let Some(file) = state.snapshot.files.get(i) else {
            continue;
        };
        let range = file.text.range(unquoted(file, o.span));
        changes
            .entry(file.uri.clone())
            .or_default()
            .push(TextEdit::new(range, new.to_string()));
    }
    Ok(Some(WorkspaceEdit::new(changes)))
}

/// A span without the quotes around a quoted scalar.
fn unquoted(file: &File, span: Span) -> Span {
    let text = file.text.slice(span);
    let quoted = text.chars().count() >= 2
        && ((text.starts_with('"') && text.ends_with('"'))
            || (text.starts_with('\'') && text.ends_with('\'')));
    if quoted {
        let mut s = span;
        s.start.col += 1;
        s.end.col -= 1;
        s
    } else {
        span
    }
}

pub fn hover(state: &State, p: HoverParams) -> Result<Option<Hover>, String> {
    let at_ = &p.text_document_position_params;
    let markdown = match at(state, at_) {
        Some((_, _, target)) => describe(&state.snapshot, &target),
        None => {
            let Some(text) = state.text(&at_.text_document.uri) else {
                return Ok(None);
            };
            let library = super::schema_docs::is_library(text);
            super::schema_docs::hover(text, at_.position, library)
        }
    };
    Ok(markdown.map(|value| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: None,
    }))
}

/// A definition in words: its name and what the map says about it.
pub fn describe(snapshot: &Snapshot, target: &Target) -> Option<String> {
    let (i, _) = all(snapshot, target)
        .into_iter()
        .find(|(_, o)| o.definition)?;
    let file = snapshot.files.get(i)?;
    let id = target.id.as_str();
    let mut lines: Vec<String> = Vec::new();
    let mut push = |label: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            lines.push(format!("{label}: {v}"));
        }
    };
    let head = |name: &str| format!("**{name}** ({} `{id}`)", target.kind.noun());
    let title;
    if let Some(lib) = file.library() {
        match target.kind {
            Kind::Persona => {
                let p = lib.persona(id)?;
                title = head(&p.name);
                push("description", p.description.clone());
            }
            Kind::Research => {
                let r = lib.research(id)?;
                title = head(id);
                push("kind", r.kind.clone());
                push("date", r.date.map(|d| d.to_string()));
                push("summary", r.summary.clone());
            }
            Kind::Team => {
                let t = lib.team(id)?;
                title = head(&t.name);
                push("contact", t.contact.clone());
                push("description", t.description.clone());
            }
            _ => return None,
        }
        push("library", Some(format!("`{}`", file.path.display())));
    } else {
        let map = file.map.as_ref()?;
        match target.kind {
            Kind::Map => {
                title = head(&map.title.value);
                push("type", map.kind.map(|k| k.label().to_string()));
                push("owner", map.owner.as_ref().map(|o| o.value.clone()));
                push("file", Some(format!("`{}`", file.path.display())));
            }
            Kind::Stage => {
                let s = map.stages.iter().find(|s| s.ident.id == id)?;
                title = head(&s.name.value);
                push("description", s.description.clone());
                push("emotion", s.emotion.as_ref().map(|e| e.value.to_string()));
            }
            Kind::Persona => {
                let p = map.personas.iter().find(|p| p.ident.id == id)?;
                title = head(&p.name);
                push("description", p.description.clone());
            }
            Kind::Research => {
                let r = map.research.iter().find(|r| r.ident.id == id)?;
                title = head(id);
                push("kind", r.kind.clone());
                push("date", r.date.map(|d| d.to_string()));
                push("summary", r.summary.clone());
            }
            Kind::Touchpoint => {
                let (s, t) = map.touchpoints().find(|(_, t)| t.ident.id == id)?;
                title = head(&t.name.value);
                push("stage", Some(s.name.value.clone()));
                push("channel", t.channel.clone());
                push("owner", t.owner.as_ref().map(|o| o.value.clone()));
            }
            Kind::PainPoint => {
                let (s, p) = map.pain_points().find(|(_, p)| p.ident.id == id)?;
                title = head(&p.name.value);
                push("stage", Some(s.name.value.clone()));
                push("severity", p.severity.map(|l| l.as_str().to_string()));
                push(
                    "touchpoint",
                    p.touchpoint.as_ref().map(|t| format!("`{}`", t.value)),
                );
                push("resolved", p.resolved.then(|| "yes".to_string()));
            }
            Kind::Opportunity => {
                let (s, o) = map.opportunities().find(|(_, o)| o.ident.id == id)?;
                title = head(&o.name.value);
                push("stage", Some(s.name.value.clone()));
                push("impact", o.impact.map(|l| l.as_str().to_string()));
                push("effort", o.effort.map(|l| l.as_str().to_string()));
                let addresses: Vec<String> = o
                    .addresses
                    .iter()
                    .map(|a| format!("`{}`", a.value))
                    .collect();
                push("addresses", Some(addresses.join(", ")));
            }
            Kind::Phase => {
                let phase = map.phases.iter().find(|x| x.ident.id == id)?;
                title = head(&phase.name.value);
                push("description", phase.description.clone());
                let stages: Vec<String> = phase
                    .stages
                    .iter()
                    .map(|s| format!("`{}`", s.value))
                    .collect();
                push("stages", Some(stages.join(", ")));
            }
            Kind::Lane => {
                let lane = map.lanes.iter().find(|x| x.ident.id == id)?;
                title = head(&lane.name);
                push("kind", Some(lane.kind.as_str().to_string()));
                push(
                    "after",
                    lane.after.as_ref().map(|a| format!("`{}`", a.value)),
                );
                push("description", lane.description.clone());
            }
            Kind::Team => return None,
        }
    }
    let mut out = title;
    for l in lines {
        out.push_str("\n\n");
        out.push_str(&l);
    }
    Some(out)
}

pub fn symbols(
    state: &State,
    p: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>, String> {
    let Some((_, file)) = state.file(&p.text_document.uri) else {
        return Ok(None);
    };
    #[allow(deprecated)] // `deprecated` is a required field of the type.
    let symbol = |name: &str, detail: &str, kind: SymbolKind, span: Span, children| {
        let range = file.text.range(span);
        DocumentSymbol {
            name: if name.is_empty() {
                "(unnamed)".to_string()
            } else {
                name.to_string()
            },
            detail: Some(detail.to_string()),
            kind,
            tags: None,
            deprecated: None,
            range,
            selection_range: range,
            children,
        }
    };
    let mut out = Vec::new();
    if let Some(lib) = file.library() {
        for p in &lib.personas {
            out.push(symbol(
                &p.name,
                "persona",
                SymbolKind::CLASS,
                p.ident.span,
                None,
            ));
        }
        for r in &lib.research {
            out.push(symbol(
                &r.ident.id,
                "research",
                SymbolKind::FILE,
                r.ident.span,
                None,
            ));
        }
        for t in &lib.teams {
            out.push(symbol(
                &t.name,
                "team",
                SymbolKind::NAMESPACE,
                t.ident.span,
                None,
            ));
        }
    } else if let Some(map) = &file.map {
        for p in map.personas.iter() {
            let name = if p.name.is_empty() {
                &p.ident.id
            } else {
                &p.name
            };
            out.push(symbol(
                name,
                "persona",
                SymbolKind::CLASS,
                p.ident.span,
                None,
            ));
        }
        for r in &map.research {
            out.push(symbol(
                &r.ident.id,
                "research",
                SymbolKind::FILE,
                r.ident.span,
                None,
            ));
        }
        for x in &map.phases {
            out.push(symbol(
                &x.name.value,
                "phase",
                SymbolKind::PACKAGE,
                x.ident.span,
                None,
            ));
        }
        for x in &map.lanes {
            out.push(symbol(
                &x.name,
                "lane",
                SymbolKind::FIELD,
                x.ident.span,
                None,
            ));
        }
        for s in &map.stages {
            let mut children = Vec::new();
            for t in &s.touchpoints {
                children.push(symbol(
                    &t.name.value,
                    "touchpoint",
                    SymbolKind::INTERFACE,
                    t.ident.span,
                    None,
                ));
            }
            for p in &s.pain_points {
                children.push(symbol(
                    &p.name.value,
                    "pain point",
                    SymbolKind::EVENT,
                    p.ident.span,
                    None,
                ));
            }
            for o in &s.opportunities {
                children.push(symbol(
                    &o.name.value,
                    "opportunity",
                    SymbolKind::FUNCTION,
                    o.ident.span,
                    None,
                ));
            }
            for m in &s.metrics {
                children.push(symbol(
                    &m.name.value,
                    "metric",
                    SymbolKind::NUMBER,
                    m.name.span,
                    None,
                ));
            }
            out.push(symbol(
                &s.name.value,
                "stage",
                SymbolKind::MODULE,
                s.ident.span,
                Some(children),
            ));
        }
    }
    Ok(Some(DocumentSymbolResponse::Nested(out)))
}
