//! Many files in one run: folders mirrored on output, map ids unique across the run,
//! baselines that cannot be found, paths that give nothing to check.

use crate::{cjm, cjm_in, snap};

const TODAY: &str = "--today=2026-11-23";
const MANY: &str = "tests/fixtures/many";

#[test]
fn render_to_a_folder_mirrors_the_folders_it_read() {
    let out = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MANY);
    let target = format!("{}/", out.path().display());
    let (code, _, stderr) = cjm_in(
        &root,
        &[
            "render", TODAY, "mirror", "-o", &target, "--format", "markdown",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let bank = std::fs::read_to_string(out.path().join("banking/onboarding.md")).unwrap();
    let saas = std::fs::read_to_string(out.path().join("saas/onboarding.md")).unwrap();
    assert!(bank.contains("Bank onboarding"), "{bank}");
    assert!(saas.contains("SaaS onboarding"), "{saas}");
}

#[test]
fn two_maps_bound_for_one_output_file_stop_the_run_before_anything_is_written() {
    let out = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MANY);
    let target = format!("{}/", out.path().display());
    // Both folders hold an `onboarding.yaml`: side by side they would share one output.
    let (code, stdout, stderr) = cjm_in(
        &root,
        &[
            "render",
            TODAY,
            "mirror/banking",
            "mirror/saas",
            "-o",
            &target,
        ],
    );
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert_eq!(
        stderr.replace(&target, "OUT/"),
        "error: `mirror/banking/onboarding.yaml` and `mirror/saas/onboarding.yaml` would both be written to `OUT/onboarding.svg`; rename one of them, or render them separately\n"
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn a_map_id_is_unique_across_the_run() {
    // The ids come from the file names: both maps are `onboarding`.
    snap!(
        "duplicate_map_id",
        &["validate", TODAY, &format!("{MANY}/clash")]
    );
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let named = format!("{MANY}/mirror/saas/onboarding.yaml");
    let out = cjm(
        &["validate", TODAY, &format!("{MANY}/mirror"), &named],
        None,
    );
    assert!(out.contains("2 files checked: no problems found"), "{out}");
}

#[test]
fn a_baseline_that_cannot_be_found_suggests_what_it_meant_and_one_that_names_itself_is_refused() {
    snap!(
        "baseline_suggestion",
        &["validate", TODAY, &format!("{MANY}/baseline")]
    );
}

#[test]
fn upper_case_extensions_are_maps() {
    let out = cjm(&["validate", TODAY, &format!("{MANY}/upper")], None);
    assert!(out.contains("1 file checked: no problems found"), "{out}");
}

#[test]
fn nothing_to_check_never_says_no_problems() {
    snap!("missing_path_exits_2", &["validate", TODAY, "no/such/path"]);
    snap!(
        "empty_folder_warns",
        &["validate", TODAY, &format!("{MANY}/empty-folder")]
    );
    snap!(
        "empty_folder_denied",
        &[
            "validate",
            TODAY,
            "--deny",
            "warnings",
            &format!("{MANY}/empty-folder")
        ]
    );
}

#[test]
fn infos_fold_into_one_line_per_rule_unless_verbose() {
    let real = "tests/fixtures/realworld/veteran-journey.yaml";
    snap!("realworld_folded", &["validate", TODAY, real]);
    let verbose = cjm(&["validate", TODAY, "--verbose", real], None);
    let folded = cjm(&["validate", TODAY, real], None);
    assert!(
        verbose.lines().count() > 4 * folded.lines().count(),
        "{verbose}"
    );
    // Machine formats keep every finding.
    let json = cjm(&["validate", TODAY, "--format", "json", real], None);
    assert_eq!(
        json.matches("\"severity\": \"info\"").count(),
        verbose.matches(": info[").count()
    );
}
