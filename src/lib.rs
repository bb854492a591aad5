//! `cjm`: customer journey maps as code.
//!
//! The data flows one way: [`read`] (bytes → YAML tree with spans) → [`model`] (typed
//! map) → [`check`] (schema, references, [`rules`]) → [`diag`] (findings as data) →
//! [`report`] (printers). See `ARCHITECTURE.md` for the map of the code.

#![allow(
    clippy::result_large_err,
    reason = "errors are diagnostics, built once per file on cold paths"
)]

pub mod check;
pub mod cli;
pub mod codes;
pub mod config;
pub mod date;
pub mod diag;
pub mod diff;
pub mod exit;
pub mod git;
pub mod import;
pub mod init;
pub mod inputs;
pub mod lsp;
pub mod model;
pub mod percent;
pub mod portfolio;
pub mod preview;
pub mod read;
pub mod render;
pub mod report;
pub mod rules;
pub mod settings;
pub mod site;
pub mod suggest;
