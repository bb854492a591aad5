//! SARIF 2.1.0, the format code-scanning services accept.
//!
//! Written with typed serde structs rather than the `serde-sarif` crate: cjm fills a
//! dozen fields, which does not justify that crate's proc-macro dependencies.

use serde::Serialize;

use crate::check::FileReport;
use crate::diag::Severity;
use crate::rules::{Level, RULES};

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
struct Run<'a> {
    tool: Tool,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: String,
    name: String,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location<'a>>,
    /// Present on findings silenced in the source, so code scanning shows them as such.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SarifSuppression<'a>>,
}

#[derive(Serialize)]
struct SarifSuppression<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn print(reports: &[FileReport]) -> String {
    let mut rules: Vec<RuleDescriptor> = RULES
        .iter()
        .map(|r| RuleDescriptor {
            id: r.name.to_string(),
            name: r.name.to_string(),
            short_description: Text {
                text: r.summary.to_string(),
            },
            help: Some(Help {
                text: r.doc(),
                markdown: r.doc(),
            }),
            default_configuration: Configuration {
                level: match r.default_level {
                    Level::Off => "none",
                    Level::Info => "note",
                    Level::Warning => "warning",
                    Level::Error => "error",
                },
            },
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let live = report.diagnostics.iter().map(|d| (d, None));
        let silenced = report
            .suppressed
            .iter()
            .map(|s| (&s.diagnostic, Some(s.reason.as_deref())));
        for (d, suppression) in live.chain(silenced) {
            let index = match rules.iter().position(|r| r.id == d.code) {
                Some(i) => i,
                None => {
                    rules.push(RuleDescriptor {
                        id: d.code.to_string(),
                        name: d.code.to_string(),
                        short_description: Text {
                            text: crate::codes::find(d.code).map_or_else(
                                || format!("cjm check `{}`", d.code),
                                |c| c.summary.clone(),
                            ),
                        },
                        help: crate::codes::find(d.code).map(|c| Help {
                            text: c.doc.to_string(),
                            markdown: c.doc.to_string(),
                        }),
                        default_configuration: Configuration { level: "error" },
                    });
                    rules.len() - 1
                }
            };
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str("\nhelp: ");
                text.push_str(help);
            }
            results.push(SarifResult {
                rule_id: d.code,
                rule_index: index,
                level: sarif_level(d.severity),
                message: Text { text },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&report.path),
                        },
                        region: (d.span.start.line > 0).then_some(Region {
                            start_line: d.span.start.line,
                            start_column: d.span.start.col.max(1),
                            end_line: d.span.end.line.max(d.span.start.line),
                            end_column: d.span.end.col.max(1),
                        }),
                    },
                }],
                suppressions: suppression
                    .map(|justification| SarifSuppression {
                        kind: "inSource",
                        justification,
                    })
                    .into_iter()
                    .collect(),
            });
        }
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "cjm",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// A relative URI with forward slashes, as code scanning expects.
fn uri(path: &str) -> std::borrow::Cow<'_, str> {
    let path = path.strip_prefix("./").unwrap_or(path);
    if path.contains('\\') || path.contains(' ') {
        path.replace('\\', "/").replace(' ', "%20").into()
    } else {
        path.into()
    }
}
