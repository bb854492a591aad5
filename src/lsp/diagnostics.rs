//! cjm's findings as the protocol's diagnostics: the same code, range and help, and the
//! notes (such as where a duplicate id was first defined) as related information.

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use super::text::Text;
use crate::diag::{Diagnostic, Severity};

pub fn to_lsp(d: &Diagnostic, text: &Text, uri: &Uri) -> lsp_types::Diagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    let related: Vec<DiagnosticRelatedInformation> = d
        .notes
        .iter()
        .map(|n| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), text.range(n.span)),
            message: n.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: text.range(d.span),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("cjm".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        // The help again, on its own, for the code actions to read.
        data: d.help.as_ref().map(|h| serde_json::json!({ "help": h })),
        ..Default::default()
    }
}
