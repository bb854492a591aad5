//! `cjm lsp`: a language server over stdio for journey maps and library files.
//!
//! One thread owns the state. Edits only mark the workspace dirty; it is checked again
//! (every cjm file below the workspace folders, unsaved text in place of the disk's)
//! once the edits pause for [`DEBOUNCE`], or at once before a request that needs it, and
//! the open documents' diagnostics are published. Requests read that snapshot: nothing
//! the client sends is trusted, and a handler that panics answers with an error instead
//! of taking the server down.

#![allow(
    clippy::mutable_key_type,
    reason = "`lsp_types::Uri` caches its parts in cells; its hash never changes"
)]

mod actions;
mod completion;
mod create;
mod diagnostics;
mod index;
mod navigation;
mod schema_docs;
pub mod text;
mod uri;
mod workspace;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, HoverProviderCapability, OneOf,
    PublishDiagnosticsParams, RenameOptions, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, Uri,
};

use text::Text;
use workspace::Snapshot;

/// How long edits must pause before the workspace is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

/// Files on disk beyond this many are not read (a workspace opened at `~`).
const MAX_FILES: usize = 5_000;

/// What the handlers read: the open documents and the last check of the workspace.
pub struct State {
    roots: Vec<PathBuf>,
    disk: Vec<PathBuf>,
    open: HashMap<PathBuf, (Uri, Text)>,
    snapshot: Snapshot,
    /// Each file's last model that parsed, so completion still knows the ids while the
    /// line being typed breaks the YAML.
    last_good: HashMap<PathBuf, std::sync::Arc<crate::model::Map>>,
}

impl State {
    /// The checked file behind a URI.
    fn file(&self, uri: &Uri) -> Option<(usize, &workspace::File)> {
        self.snapshot.file(&uri::to_path(uri)?)
    }

    /// The open document's current text, else the checked one.
    fn text(&self, uri: &Uri) -> Option<&Text> {
        let path = uri::to_path(uri)?;
        match self.open.get(&path) {
            Some((_, t)) => Some(t),
            None => self.snapshot.file(&path).map(|(_, f)| &*f.text),
        }
    }
}

/// Serves one client until it asks to exit (`cli/lsp.rs` connects it to stdio).
pub fn run(connection: &Connection) -> anyhow::Result<()> {
    let caps = serde_json::to_value(capabilities())?;
    let params = connection.initialize(caps)?;
    let init: lsp_types::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let mut server = Server {
        state: State {
            roots: roots(&init),
            disk: Vec::new(),
            open: HashMap::new(),
            snapshot: Snapshot::default(),
            last_good: HashMap::new(),
        },
        dirty: None,
        rescan: true,
        published: Vec::new(),
        cache: workspace::Cache::default(),
    };
    server.serve(connection)
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), "[".into(), ",".into()]),
            ..Default::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// The workspace folders, else the root, as local paths.
#[allow(deprecated)] // `root_uri` and `root_path`: older clients send only those.
fn roots(init: &lsp_types::InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = init
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| uri::to_path(&f.uri))
        .collect();
    if roots.is_empty() {
        roots.extend(init.root_uri.as_ref().and_then(uri::to_path));
    }
    if roots.is_empty() {
        roots.extend(init.root_path.as_ref().map(PathBuf::from));
    }
    roots
}

struct Server {
    state: State,
    /// When the workspace is due to be checked again.
    dirty: Option<Instant>,
    /// Whether the list of files on disk must be walked again.
    rescan: bool,
    /// Documents whose diagnostics were published, to clear them on close.
    published: Vec<Uri>,
    cache: workspace::Cache,
}

impl Server {
    fn serve(&mut self, connection: &Connection) -> anyhow::Result<()> {
        loop {
            let message = match self.dirty {
                Some(due) => match connection.receiver.recv_deadline(due) {
                    Ok(m) => Some(m),
                    Err(e) if e.is_timeout() => None,
                    Err(_) => return Ok(()),
                },
                None => match connection.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(()),
                },
            };
            match message {
                None => self.refresh(connection),
                Some(Message::Request(request)) => {
                    if connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    if self.dirty.is_some() {
                        self.refresh(connection);
                    }
                    let response = self.request(request);
                    connection.sender.send(Message::Response(response))?;
                }
                Some(Message::Notification(n)) => self.notification(n),
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn notification(&mut self, n: Notification) {
        let soon = Instant::now() + DEBOUNCE;
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = uri::to_path(&p.text_document.uri) {
                    let text = Text::new(p.text_document.text);
                    self.state.open.insert(path, (p.text_document.uri, text));
                    self.rescan = true;
                    self.dirty = Some(Instant::now());
                }
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let Some(path) = uri::to_path(&p.text_document.uri) else {
                    return;
                };
                if let Some((_, text)) = self.state.open.get_mut(&path) {
                    for change in p.content_changes {
                        text.apply(change.range, &change.text);
                    }
                    self.dirty = Some(soon);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = uri::to_path(&p.text_document.uri) {
                    self.state.open.remove(&path);
                    self.rescan = true;
                    self.dirty = Some(soon);
                }
            }
            note::DidSaveTextDocument::METHOD | note::DidChangeWatchedFiles::METHOD => {
                // A `cjm.toml` changes the rule levels of every map below it.
                if n.params.to_string().contains(crate::config::FILE_NAME) {
                    self.cache = workspace::Cache::default();
                }
                self.rescan = true;
                self.dirty = Some(soon);
            }
            _ => {}
        }
    }

    /// Checks the workspace again and publishes the open documents' diagnostics.
    fn refresh(&mut self, connection: &Connection) {
        self.dirty = None;
        if self.rescan {
            crate::check::library::forget_discovered();
            self.state.disk = workspace::files_on_disk(&self.state.roots);
            self.rescan = false;
        }
        self.state.snapshot = workspace::check(
            &self.state.disk,
            &self.state.open,
            MAX_FILES,
            &mut self.cache,
        );
        for file in &self.state.snapshot.files {
            if let (Some(map), true) = (&file.map, self.state.open.contains_key(&file.path)) {
                self.state.last_good.insert(file.path.clone(), map.clone());
            }
        }
        let open = &self.state.open;
        self.state.last_good.retain(|p, _| open.contains_key(p));
        let mut published = Vec::new();
        for (path, (uri, text)) in &self.state.open {
            let diagnostics = match self.state.snapshot.file(path) {
                Some((_, f)) => f
                    .report
                    .diagnostics
                    .iter()
                    .map(|d| diagnostics::to_lsp(d, text, uri))
                    .collect(),
                None => Vec::new(),
            };
            publish(connection, uri.clone(), diagnostics);
            published.push(uri.clone());
        }
        // `cjm.toml` mistakes apply to every map below it: show them in the file.
        for (path, found) in &self.state.snapshot.config {
            let (Some(uri), Ok(text)) = (uri::from_path(path), std::fs::read_to_string(path))
            else {
                continue;
            };
            let text = Text::new(text);
            let diagnostics = found
                .iter()
                .map(|d| diagnostics::to_lsp(d, &text, &uri))
                .collect();
            publish(connection, uri.clone(), diagnostics);
            published.push(uri);
        }
        for uri in std::mem::replace(&mut self.published, published) {
            if !self.published.contains(&uri) {
                publish(connection, uri, Vec::new());
            }
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let state = &self.state;
        match request.method.as_str() {
            req::Completion::METHOD => {
                answer::<req::Completion>(request, state, completion::complete)
            }
            req::HoverRequest::METHOD => {
                answer::<req::HoverRequest>(request, state, navigation::hover)
            }
            req::GotoDefinition::METHOD => {
                answer::<req::GotoDefinition>(request, state, navigation::definition)
            }
            req::References::METHOD => {
                answer::<req::References>(request, state, navigation::references)
            }
            req::PrepareRenameRequest::METHOD => {
                answer::<req::PrepareRenameRequest>(request, state, navigation::prepare_rename)
            }
            req::Rename::METHOD => answer::<req::Rename>(request, state, navigation::rename),
            req::DocumentSymbolRequest::METHOD => {
                answer::<req::DocumentSymbolRequest>(request, state, navigation::symbols)
            }
            req::CodeActionRequest::METHOD => {
                answer::<req::CodeActionRequest>(request, state, actions::actions)
            }
            _ => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("cjm does not answer `{}`", request.method),
            ),
        }
    }
}

/// Runs a handler on a request's parameters; a bad request or a panic is an error
/// response, never the end of the server.
fn answer<R: lsp_types::request::Request>(
    request: Request,
    state: &State,
    handler: fn(&State, R::Params) -> Result<R::Result, String>,
) -> Response {
    let params = match serde_json::from_value::<R::Params>(request.params) {
        Ok(p) => p,
        Err(e) => {
            return Response::new_err(
                request.id,
                ErrorCode::InvalidParams as i32,
                format!("invalid parameters: {e}"),
            );
        }
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handler(state, params))) {
        Ok(Ok(result)) => Response::new_ok(request.id, result),
        Ok(Err(message)) => Response::new_err(request.id, ErrorCode::RequestFailed as i32, message),
        Err(_) => Response::new_err(
            request.id,
            ErrorCode::InternalError as i32,
            "cjm failed on this request; please report it".to_string(),
        ),
    }
}

fn publish(connection: &Connection, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) {
    let params = PublishDiagnosticsParams::new(uri, diagnostics, None);
    let n = Notification::new(note::PublishDiagnostics::METHOD.to_string(), params);
    let _ = connection.sender.send(Message::Notification(n));
}

#[cfg(test)]
mod robustness {
    use lsp_types::{Position, Range};
    use proptest::prelude::*;

    use super::text::Text;
    use super::{create, schema_docs};

    fn yamlish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "stages:",
            "  - ",
            "name: ",
            "touchpoint: ",
            "id: ",
            "\n",
            "    ",
            "[",
            "]",
            ",",
            ":",
            "#",
            "\"",
            "'",
            "取餐",
            "ок",
            "😀",
            "\r\n",
            "-",
            " ",
            "evidence:",
            "a",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        /// Whatever the text and wherever the client says the cursor is, the position
        /// helpers, the cursor context, hover and the create fix answer without panicking.
        #[test]
        fn half_typed_text_never_panics(
            text in yamlish(),
            line in 0u32..12,
            character in 0u32..40,
            end in 0u32..40,
            new in yamlish(),
        ) {
            let mut t = Text::new(text);
            let at = Position::new(line, character);
            let _ = t.pos(at);
            let _ = t.offset(at);
            let _ = schema_docs::context(&t, at);
            let _ = schema_docs::hover(&t, at, false);
            let d = lsp_types::Diagnostic {
                range: Range::new(at, Position::new(line, end)),
                ..Default::default()
            };
            for code in ["unknown-touchpoint", "unknown-pain-point", "unknown-research", "unknown-persona"] {
                let _ = create::missing(&t, code, &d);
            }
            t.apply(Some(Range::new(at, Position::new(line / 2, end))), &new);
            prop_assert!(t.text.is_char_boundary(t.text.len()));
        }
    }
}
