use crate::{cjm, cjm_in, snap};

#[test]
fn the_starter_map_teaches_the_format() {
    let run = cjm(&["init", "-", "--type", "service-blueprint"], None);
    let today = cjm::date::Date::today().to_string();
    insta::assert_snapshot!("init_blueprint", run.replace(&today, "<today>"));
}

#[test]
fn init_creates_a_map_that_validates_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (code, _, err) = cjm_in(root, &["init"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("created journey.yaml"), "{err}");
    assert!(
        err.contains("cjm schema > journey-map.schema.json"),
        "{err}"
    );
    let first = std::fs::read_to_string(root.join("journey.yaml")).unwrap();
    assert!(first.starts_with("# yaml-language-server: $schema=journey-map.schema.json\n"));

    // The README's `cjm init maps/checkout.yaml` makes the folder it needs.
    let (code, _, err) = cjm_in(root, &["init", "maps/checkout.yaml"]);
    assert_eq!(code, 0, "{err}");
    assert!(root.join("maps/checkout.yaml").is_file());
    std::fs::remove_dir_all(root.join("maps")).unwrap();

    let (code, _, err) = cjm_in(root, &["init", "journey.yaml", "--type", "experience"]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(root.join("journey.yaml")).unwrap(),
        first
    );

    let (code, _, err) = cjm_in(root, &["init", "future.yaml", "--type", "future-state"]);
    assert_eq!(code, 2);
    assert!(err.contains("--baseline"), "{err}");
    assert!(!root.join("future.yaml").exists());
    let (code, _, err) = cjm_in(
        root,
        &[
            "init",
            "future.yaml",
            "--type",
            "future-state",
            "--baseline",
            "journey",
        ],
    );
    assert_eq!(code, 0, "{err}");
    for kind in ["day-in-the-life", "service-blueprint", "experience"] {
        let (code, _, err) = cjm_in(root, &["init", &format!("{kind}.yaml"), "--type", kind]);
        assert_eq!(code, 0, "{err}");
    }
    let (code, out, _) = cjm_in(root, &["validate", "--deny", "warnings", "."]);
    assert_eq!(code, 0, "{out}");
    // The future map is a copy of `journey.yaml` whose review date was cleared.
    assert!(out.contains("5 files checked: 1 info"), "{out}");
    assert!(out.contains("future.yaml:"), "{out}");
    assert!(out.contains("info[unreviewed-map]"), "{out}");
    let (code, out, _) = cjm_in(root, &["diff", "future.yaml"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "journey → future (journey.yaml → future.yaml)\nno changes\n"
        )
    );
    // Nothing half-written is left behind.
    let names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn completions_come_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = cjm(&["completions", shell], None);
        assert!(run.contains("exit: 0\n"), "{run}");
        let out = crate::stdout_of(&run);
        for word in ["validate", "render", "diff", "init"] {
            assert!(out.contains(word), "{shell} lacks {word}");
        }
    }
    snap!("completions_unknown_shell", &["completions", "tcsh"]);
}

#[test]
fn the_man_page_comes_from_the_same_definitions() {
    let run = cjm(&["man"], None);
    let out = crate::stdout_of(&run);
    assert!(out.contains(".TH cjm 1"), "{out:.200}");
    for sub in ["validate", "render", "diff", "init", "completions"] {
        assert!(out.contains(sub), "the man page lacks {sub}");
    }
}

#[test]
fn the_man_page_documents_every_command_and_option_and_points_nowhere_else() {
    let run = cjm(&["man"], None);
    let page = crate::stdout_of(&run);
    // Every option of every command is on the one page.
    for needle in [
        ".SS \"cjm validate\"",
        "--deny",
        "--verbose",
        ".SS \"cjm render\"",
        "--scale",
        ".SS \"cjm explain\"",
        ".SS \"cjm man\"",
    ] {
        assert!(page.contains(needle), "the page lacks {needle}");
    }
    assert!(
        !page.contains("cjm-validate(1)"),
        "points at a page that is not there"
    );

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("man1");
    let (code, _, err) = crate::cjm_in(dir.path(), &["man", "--dir", "man1"]);
    assert_eq!(code, 0, "{err}");
    for name in [
        "cjm.1",
        "cjm-validate.1",
        "cjm-render.1",
        "cjm-diff.1",
        "cjm-explain.1",
    ] {
        let text = std::fs::read_to_string(target.join(name)).unwrap();
        assert!(text.contains(".TH"), "{name}");
    }
}

#[test]
fn help_starts_a_newcomer_with_init() {
    let run = cjm(&["--help"], None);
    let help = crate::stdout_of(&run);
    let init = help
        .find("cjm init maps/journey.yaml")
        .expect("init is shown");
    assert!(
        !help.contains("examples/"),
        "a user's repo has no examples/: {help}"
    );
    assert!(init < help.find("Exit codes").unwrap());
}
