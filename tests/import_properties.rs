//! Property tests for `cjm import` and the Mermaid export, the round trip the README
//! promises:
//! - any text is read without a panic;
//! - Mermaid → map → Mermaid keeps the title, sections, task names, scores and actors
//!   of any journey within Mermaid's grammar, however it is spelled (keywords in any
//!   case, front matter, directives, comments, entity codes, `<br>`, CRLF, a BOM);
//! - map → Mermaid → map keeps every id, name, emotion and touchpoint persona.

use cjm::check::{Input, Options, check_bytes};
use cjm::config::Config;
use cjm::import::{Journey, Section, Task, parse, to_yaml};
use cjm::model::Map;
use proptest::prelude::*;

/// Text as people write it in any field: letters of several scripts, digits, spaces,
/// and every character Mermaid's grammar gives a meaning to.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿА-я下单 0-9'\"!?()&/.:;#%,<>`{}\\[\\]=-]{1,20}|(section|title|journey|accTitle:|accDescr \\{) [a-z]{1,5}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("some text", |s| !s.is_empty())
}

/// A name that may span lines (sections and tasks, where Mermaid draws `<br>`).
fn lines() -> impl Strategy<Value = String> {
    prop::collection::vec(text(), 1..3).prop_map(|l| l.join("\n"))
}

/// A journey as Mermaid reads it: what the generated text must come back as.
fn journey() -> impl Strategy<Value = Journey> {
    let task = (lines(), 1i64..=5, prop::collection::vec(text(), 0..3)).prop_map(
        |(name, score, actors)| Task {
            name,
            score,
            actors,
            id: None,
        },
    );
    let section = (lines(), prop::collection::vec(task, 0..4)).prop_map(|(name, tasks)| Section {
        name,
        tasks,
        id: None,
        emotion: None,
        emotions: Vec::new(),
    });
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(section, 1..5),
    )
        .prop_map(|(title, acc_title, description, sections)| Journey {
            title,
            acc_title,
            description,
            sections,
            personas: Vec::new(),
        })
}

/// How the generated text spells things: the choices a person or a tool may make.
#[derive(Clone, Debug)]
struct Spelling {
    bom: bool,
    crlf: bool,
    front_matter_title: bool,
    directive: bool,
    upper: Vec<bool>,
    indent: Vec<usize>,
    comments: Vec<u8>,
    br: Vec<usize>,
}

fn spelling() -> impl Strategy<Value = Spelling> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(any::<bool>(), 64),
        prop::collection::vec(0usize..4, 64),
        prop::collection::vec(0u8..6, 64),
        prop::collection::vec(0usize..3, 64),
    )
        .prop_map(
            |(bom, crlf, front_matter_title, directive, upper, indent, comments, br)| Spelling {
                bom,
                crlf,
                front_matter_title,
                directive,
                upper,
                indent,
                comments,
                br,
            },
        )
}

/// Text in Mermaid's syntax, written independently of cjm's exporter: every character
/// the grammar reads as syntax is an entity code, and so is the first letter of text
/// that would read as a keyword.
fn escape(s: &str, actor: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(c, ':' | ';' | '#' | '%' | '<' | '>') || (actor && c == ',') {
            out += &format!("#{};", c as u32);
        } else {
            out.push(c);
        }
    }
    let lower = out.to_lowercase();
    if ["section", "title", "journey", "acc"]
        .iter()
        .any(|k| lower.starts_with(k))
    {
        let first = out.chars().next().unwrap();
        out = format!("#{};{}", first as u32, &out[first.len_utf8()..]);
    }
    out
}

fn mermaid(j: &Journey, s: &Spelling) -> String {
    let mut n = 0;
    let mut next = || {
        n += 1;
        n % 64
    };
    let keyword = |k: &str, i: usize| {
        if s.upper[i] {
            let mut c = k.chars();
            c.next().unwrap().to_uppercase().chain(c).collect()
        } else {
            k.to_string()
        }
    };
    let names = |name: &str, i: usize| {
        let br = ["<br>", "<br/>", "<BR />"][s.br[i]];
        name.split('\n')
            .map(|l| escape(l, false))
            .collect::<Vec<_>>()
            .join(br)
    };
    let mut out = String::new();
    if s.bom {
        out.push('\u{FEFF}');
    }
    if let (true, Some(t)) = (s.front_matter_title, &j.title) {
        out += &format!(
            "---\ntitle: {}\nconfig:\n  theme: forest\n---\n",
            serde_json::to_string(t).unwrap()
        );
    }
    if s.directive {
        out += "%%{init: {\"journey\": {\"diagramMarginX\": 40}}}%%\n";
    }
    out += "journey\n";
    let line = |out: &mut String, text: String, i: usize| {
        let indent = ["", "  ", "\t", "      "][s.indent[i]];
        match s.comments[i] {
            0 => *out += &format!("{indent}%% a comment: with %% signs\n"),
            1 => *out += "\n",
            _ => {}
        }
        let acc = text.starts_with("acc");
        *out += &format!("{indent}{text}");
        // After `accTitle:` and `accDescr:`, Mermaid reads `#` as text.
        if s.comments[i] == 2 && !acc {
            *out += " # a comment";
        }
        out.push('\n');
    };
    if let (false, Some(t)) = (s.front_matter_title, &j.title) {
        let i = next();
        line(
            &mut out,
            format!("{} {}", keyword("title", i), escape(t, false)),
            i,
        );
    }
    if let Some(t) = &j.acc_title {
        let i = next();
        line(&mut out, format!("accTitle: {}", escape(t, false)), i);
    }
    if let Some(d) = &j.description {
        let i = next();
        line(&mut out, format!("accDescr: {}", escape(d, false)), i);
    }
    for section in &j.sections {
        let i = next();
        line(
            &mut out,
            format!("{} {}", keyword("section", i), names(&section.name, i)),
            i,
        );
        for t in &section.tasks {
            let i = next();
            let actors: Vec<String> = t.actors.iter().map(|a| escape(a, true)).collect();
            let text = match (actors.is_empty(), s.upper[i]) {
                (true, false) => format!("{}: {}", names(&t.name, i), t.score),
                (true, true) => format!("{}:{}:", names(&t.name, i), t.score),
                (false, _) => format!("{}: {}: {}", names(&t.name, i), t.score, actors.join(", ")),
            };
            line(&mut out, text, i);
        }
    }
    if s.crlf {
        out = out.replace('\n', "\r\n");
    }
    out
}

fn import(text: &str) -> Result<(Journey, Map, String), TestCaseError> {
    let read = parse(text)
        .map_err(|e| TestCaseError::fail(format!("{text}\n{e:#?}")))?
        .journey;
    let yaml = to_yaml(&read, "fallback", "current-state");
    let checked = check_bytes(
        &Input::Stdin,
        yaml.clone().into_bytes(),
        &Config::default(),
        &Options::default(),
    );
    prop_assert!(
        !checked.report.has_errors(),
        "{}\n{:?}",
        yaml,
        checked.report.diagnostics
    );
    let map = checked.map.expect("a map");
    Ok((read, map, yaml))
}

/// A section's name and its tasks' names, scores and actors.
type Promised = Vec<(String, Vec<(String, i64, Vec<String>)>)>;

/// What the README promises survives: title, sections, task names, scores, actors.
fn promised(j: &Journey) -> (Option<String>, Promised) {
    (
        j.title.clone().or(j.acc_title.clone()),
        j.sections
            .iter()
            .map(|s| {
                let tasks = s
                    .tasks
                    .iter()
                    .map(|t| (t.name.clone(), t.score, t.actors.clone()))
                    .collect();
                (s.name.clone(), tasks)
            })
            .collect(),
    )
}

/// A map with hostile names, explicit and derived ids, personas per touchpoint, stage
/// emotions with and without touchpoints, and a description over several lines.
#[derive(Clone, Debug)]
struct GenMap {
    title: String,
    description: Option<Vec<String>>,
    personas: Vec<(Option<String>, String)>,
    stages: Vec<GenStage>,
}

#[derive(Clone, Debug)]
struct GenStage {
    id: Option<String>,
    name: String,
    emotion: Option<i64>,
    touchpoints: Vec<GenTouchpoint>,
}

/// Id, name, emotion, and personas by index.
type GenTouchpoint = (Option<String>, String, Option<i64>, Vec<usize>);

fn id() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[a-z0-9][a-z0-9:%#-]{0,6}")
}

fn gen_map() -> impl Strategy<Value = GenMap> {
    let touchpoint = (
        id(),
        lines(),
        prop::option::of(-2i64..=2),
        prop::collection::vec(0usize..4, 0..3),
    );
    let stage = (
        id(),
        lines(),
        prop::option::of(-2i64..=2),
        prop::collection::vec(touchpoint, 0..4),
    )
        .prop_map(|(id, name, emotion, touchpoints)| GenStage {
            id,
            name,
            emotion,
            touchpoints,
        });
    (
        text(),
        prop::option::of(prop::collection::vec(text(), 1..4)),
        prop::collection::vec((id(), text()), 0..4),
        prop::collection::vec(stage, 1..5),
    )
        .prop_map(|(title, description, personas, stages)| GenMap {
            title,
            description,
            personas,
            stages,
        })
}

fn map_yaml(g: &GenMap) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap();
    let mut out = format!("cjm: 1\ntitle: {}\ntype: current-state\n", q(&g.title));
    if let Some(d) = &g.description {
        out += &format!("description: {}\n", q(&d.join("\n")));
    }
    let persona_ids: Vec<String> = g
        .personas
        .iter()
        .map(|(id, name)| id.clone().unwrap_or_else(|| cjm::model::slug(name)))
        .collect();
    if !g.personas.is_empty() {
        out += "personas:\n";
        for (id, name) in &g.personas {
            out += &match id {
                Some(id) => format!("  - {{id: {}, name: {}}}\n", q(id), q(name)),
                None => format!("  - {{name: {}}}\n", q(name)),
            };
        }
    }
    out += "stages:\n";
    for s in &g.stages {
        out += &format!("  - name: {}\n", q(&s.name));
        if let Some(id) = &s.id {
            out += &format!("    id: {}\n", q(id));
        }
        if let Some(e) = s.emotion {
            out += &format!("    emotion: {e}\n");
        }
        if !s.touchpoints.is_empty() {
            out += "    touchpoints:\n";
        }
        for (id, name, emotion, personas) in &s.touchpoints {
            out += &format!("      - name: {}\n", q(name));
            if let Some(id) = id {
                out += &format!("        id: {}\n", q(id));
            }
            if let Some(e) = emotion {
                out += &format!("        emotion: {e}\n");
            }
            let ids: Vec<String> = personas
                .iter()
                .filter_map(|&i| persona_ids.get(i))
                .map(|id| q(id))
                .collect();
            if !ids.is_empty() {
                out += &format!("        personas: [{}]\n", ids.join(", "));
            }
        }
    }
    out
}

/// Everything of a map that Mermaid carries, with the emotion each task is drawn at.
#[allow(clippy::type_complexity)]
fn carried(
    m: &Map,
) -> (
    String,
    Vec<(String, String)>,
    Vec<(String, String, Vec<(String, String, i64, Vec<String>)>)>,
) {
    (
        m.title.value.clone(),
        m.personas
            .iter()
            .map(|p| (p.ident.id.clone(), p.name.clone()))
            .collect(),
        m.stages
            .iter()
            .map(|s| {
                let stage_emotion = s.emotion.as_ref().map(|e| e.value);
                let tps = s
                    .touchpoints
                    .iter()
                    .map(|t| {
                        (
                            t.ident.id.clone(),
                            t.name.value.clone(),
                            t.emotion.or(stage_emotion).unwrap_or(0),
                            t.personas.iter().map(|p| p.value.clone()).collect(),
                        )
                    })
                    .collect();
                (s.ident.id.clone(), s.name.value.clone(), tps)
            })
            .collect(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_reads_without_panic(text in "(\u{FEFF})?(---\n)?(```mermaid\n)?(journey\n)?([ -~\n\t\r:,#%;{}<>À-ÿ下\u{3000}]|%%\\{|\\}%%|#35;|accDescr ?\\{|section |title |~~~)*") {
        let _ = parse(&text);
    }

    #[test]
    fn any_string_reads_without_panic(text in any::<String>(), prefix in "(journey\n)?(section )?") {
        let _ = parse(&format!("{prefix}{text}"));
    }

    #[test]
    fn mermaid_to_map_to_mermaid_keeps_what_the_readme_promises(j in journey(), s in spelling()) {
        let text = mermaid(&j, &s);
        let (read, map, yaml) = import(&text)?;
        prop_assert_eq!(promised(&read), promised(&j), "{}", text);
        prop_assert_eq!(&read.description, &j.description);
        prop_assert_eq!(map.stages.len(), j.sections.len());
        let again = cjm::render::mermaid::render(&map);
        let back = parse(&again)
            .map_err(|e| TestCaseError::fail(format!("{again}\n{e:#?}")))?
            .journey;
        // A journey without a title gains the file name as one.
        let (title, sections) = promised(&back);
        let title = title.filter(|_| j.title.is_some() || j.acc_title.is_some());
        prop_assert_eq!((title, sections), promised(&j), "{}\n{}\n{}", text, yaml, again);
        prop_assert_eq!(&back.description, &j.description);
    }

    #[test]
    fn map_to_mermaid_to_map_keeps_ids_names_emotions_and_personas(g in gen_map()) {
        let yaml = map_yaml(&g);
        let checked = check_bytes(&Input::Stdin, yaml.clone().into_bytes(), &Config::default(), &Options::default());
        // Generated ids may clash with each other or with derived ones; such maps are
        // refused by validate and not exported.
        prop_assume!(!checked.report.has_errors());
        // Actors are names: two personas of one name are one actor in Mermaid.
        let mut names: Vec<&String> = g.personas.iter().map(|(_, n)| n).collect();
        names.sort();
        names.dedup();
        prop_assume!(names.len() == g.personas.len());
        let map = checked.map.expect("a map");
        let text = cjm::render::mermaid::render(&map);
        let (_, back, imported) = import(&text)?;
        prop_assert_eq!(carried(&back), carried(&map), "{}\n{}\n{}", yaml, text, imported);
        prop_assert_eq!(&back.description, &map.description);
        for (a, b) in back.stages.iter().zip(&map.stages) {
            if b.touchpoints.is_empty() {
                prop_assert_eq!(a.emotion.as_ref().map(|e| e.value), b.emotion.as_ref().map(|e| e.value));
            }
        }
    }
}

/// The examples keep their ids through Mermaid, so a diff of a round trip shows no
/// touchpoint removed and added.
#[test]
fn every_example_keeps_its_ids_through_mermaid() {
    for name in [
        "grocery-current",
        "grocery-future",
        "clinic-blueprint",
        "bank-onboarding-ru",
        "tea-order-zh",
    ] {
        let bytes = std::fs::read(format!("examples/{name}.yaml")).unwrap();
        let checked = check_bytes(
            &Input::Stdin,
            bytes,
            &Config::default(),
            &Options::default(),
        );
        let map = checked.map.expect("a map");
        let text = cjm::render::mermaid::render(&map);
        let (_, back, _) = import(&text).unwrap();
        assert_eq!(carried(&back), carried(&map), "{name}\n{text}");
    }
}
