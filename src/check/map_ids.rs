//! Map ids name maps across a run (`baseline: grocery-current`), so two maps checked
//! together must not share one. Ids default to the file's stem, so two `onboarding.yaml`
//! in different folders clash unless one says `id:`.

use std::collections::HashMap;

use super::FileReport;
use crate::diag::{Diagnostic, Span};

/// Adds a `duplicate-map-id` error to every map whose id an earlier map already has.
pub fn check_unique(reports: &mut [FileReport]) {
    // id → (path, span) of the first map that has it.
    let mut first: HashMap<String, (String, Span)> = HashMap::new();
    for report in reports.iter_mut() {
        let Some(id) = &report.map_id else { continue };
        match first.get(&id.id) {
            None => {
                first.insert(id.id.clone(), (report.path.clone(), id.span));
            }
            Some((path, span)) => {
                let mut d = Diagnostic::error(
                    "duplicate-map-id",
                    id.span,
                    format!(
                        "the map id `{}` is already used by `{path}:{}`",
                        id.id, span.start
                    ),
                )
                .with_help("give each map its own `id:`; without one, a map's id is its file name");
                d.set_line(&id.line);
                report.diagnostics.push(d);
                report.diagnostics.sort_by_key(|d| (d.span.start, d.code));
            }
        }
    }
}
