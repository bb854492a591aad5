//! `cjm render`.

use std::path::PathBuf;

use super::args::{RenderArgs, RenderFormat};
use super::output::write_atomic;
use std::io::IsTerminal;

use super::{emit_bytes, error, warning};
use crate::check;
use crate::exit::ExitStatus;
use crate::inputs;
use crate::inputs::Found;
use crate::render::{self, Format};
use std::collections::HashMap;

pub fn run(args: RenderArgs) -> anyhow::Result<ExitStatus> {
    let collected = inputs::collect(&args.paths);
    for e in &collected.errors {
        error(&format!("`{}`: {}", e.path, e.message));
    }
    for w in &collected.warnings {
        warning(&format!("`{}`: {}", w.path, w.message));
    }
    if !collected.errors.is_empty() {
        return Ok(ExitStatus::Error);
    }
    let inputs = collected.inputs();
    let chosen = args.format.map(|f| match f {
        RenderFormat::Svg => Format::Svg,
        RenderFormat::Markdown => Format::Markdown,
        RenderFormat::Mermaid => Format::Mermaid,
        RenderFormat::Html => Format::Html,
        RenderFormat::Png => Format::Png,
        RenderFormat::Pdf => Format::Pdf,
    });
    let to_stdout = args.output.as_os_str() == "-";
    let several = inputs.len() > 1 || args.paths.iter().any(|p| p.is_dir());
    // `-o out.svg` names a file even when a folder is rendered; `-o site` or `-o site/`
    // names a folder.
    let file_like = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        .is_some();
    let to_dir = !to_stdout
        && (args.output.is_dir()
            || args.output.to_string_lossy().ends_with(['/', '\\'])
            || (several && !file_like));
    if to_stdout && several {
        anyhow::bail!("several maps cannot share stdout; write them to a folder with `-o FOLDER/`");
    }
    if !to_stdout && !to_dir && inputs.len() > 1 {
        anyhow::bail!(
            "{} maps cannot share the file `{}`; write them to a folder with `-o FOLDER/`",
            inputs.len(),
            args.output.display()
        );
    }
    let format = match chosen {
        Some(f) => f,
        None if to_stdout || to_dir => Format::Svg,
        None => {
            let ext = args
                .output
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("");
            Format::from_extension(ext).ok_or_else(|| {
                anyhow::anyhow!(
                    "cannot tell the format from `{}`; name it .svg, .png, .pdf, .html, .md or .mmd, or pass `--format`",
                    args.output.display()
                )
            })?
        }
    };
    if args.scale.is_some() && format != Format::Png {
        warning("`--scale` sizes PNG output only; it is ignored here");
    }
    if format == Format::Png && to_stdout && std::io::stdout().is_terminal() {
        anyhow::bail!("a PNG is not for the terminal; write it to a file with `-o map.png`");
    }
    if format == Format::Pdf && to_stdout && std::io::stdout().is_terminal() {
        anyhow::bail!("a PDF is not for the terminal; write it to a file with `-o map.pdf`");
    }
    let targets: Vec<PathBuf> = if to_dir {
        let targets: Vec<PathBuf> = collected
            .found
            .iter()
            .map(|f| {
                args.output
                    .join(f.relative.with_extension(format.extension()))
            })
            .collect();
        refuse_collisions(&collected.found, &targets)?;
        targets
    } else {
        vec![args.output.clone(); inputs.len()]
    };
    if to_dir {
        std::fs::create_dir_all(&args.output).map_err(|e| {
            anyhow::anyhow!(
                "could not create the folder `{}`: {e}",
                args.output.display()
            )
        })?;
    }

    let config = args.check.config();
    let options = args.check.options();
    let mut status = ExitStatus::Success;
    for (input, target) in inputs.iter().zip(&targets) {
        let checked = check::check_input(input, &config, &options);
        if checked.report.unreadable {
            status = ExitStatus::Error;
        }
        if checked.report.library.is_some() && !checked.report.has_errors() {
            // Shared items, drawn on the maps that use them.
            if inputs.len() == 1 {
                warning(&format!(
                    "`{}` is a shared library (`type: library`), not a map: there is nothing to draw; render the maps that use it",
                    checked.report.path
                ));
            }
            continue;
        }
        let map = match checked.map {
            Some(map) if !checked.report.has_errors_beyond_lint() => map,
            _ => {
                super::print_errors(&checked.report);
                error(&format!(
                    "`{}` has errors, so it was not rendered",
                    checked.report.path
                ));
                if status == ExitStatus::Success {
                    status = ExitStatus::Failure;
                }
                continue;
            }
        };
        let view = render::View::new(
            &config.settings_for(input).render,
            args.lanes.as_ref().map(|l| l.0.clone()),
        );
        let unknown = view.unknown_lanes(&map);
        if !unknown.is_empty() {
            let mut known: Vec<&str> = render::LANES.to_vec();
            known.extend(map.lanes.iter().map(|l| l.ident.id.as_str()));
            let hint = unknown
                .first()
                .and_then(|u| crate::suggest::did_you_mean(u, known.iter().copied()))
                .map(|b| format!("did you mean `{b}`? "))
                .unwrap_or_default();
            error(&format!(
                "`{}` has no lane `{}`; {hint}its lanes are: {}",
                checked.report.path,
                unknown.join("`, `"),
                known.join(", ")
            ));
            status = ExitStatus::Error;
            continue;
        }
        if matches!(format, Format::Png | Format::Pdf) {
            warn_missing_fonts(
                &render::svg::render_view(&map, &render::svg::Overlay::default(), &view),
                &format!("`{}`", checked.report.path),
            );
        }
        let out = match render::render(&map, format, &view, args.scale.unwrap_or(2.0)) {
            Ok(out) => out,
            Err(e) => {
                error(&format!("`{}`: {e}", checked.report.path));
                status = ExitStatus::Error;
                continue;
            }
        };
        if to_stdout {
            emit_bytes(&out)?;
        } else {
            write_atomic(target, &out)?;
        }
    }
    Ok(status)
}

/// Two maps written to one file would lose the first without a word: refuse before
/// anything is written. Names are compared without case, as macOS and Windows do.
fn refuse_collisions(found: &[Found], targets: &[PathBuf]) -> anyhow::Result<()> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, target) in targets.iter().enumerate() {
        let key = target.to_string_lossy().to_lowercase();
        if let Some(&first) = seen.get(&key) {
            anyhow::bail!(
                "`{}` and `{}` would both be written to `{}`; rename one of them, or render them separately",
                found[first].input.display(),
                found[i].input.display(),
                target.display()
            );
        }
        seen.insert(key, i);
    }
    Ok(())
}

/// The PNG of an SVG cjm drew, or why not.
pub fn png_of(svg: &str, scale: f32) -> anyhow::Result<Vec<u8>> {
    #[cfg(feature = "png")]
    {
        warn_missing_fonts(svg, "the picture");
        render::png::rasterise(svg, scale).map_err(|e| anyhow::anyhow!(e))
    }
    #[cfg(not(feature = "png"))]
    {
        let _ = (svg, scale);
        anyhow::bail!("this cjm was built without PNG support (the `png` feature)")
    }
}

/// The picture `svg` as a PDF titled `title`, in language `lang`.
pub fn pdf_of(svg: &str, title: &str, lang: Option<&str>) -> anyhow::Result<Vec<u8>> {
    #[cfg(feature = "pdf")]
    {
        warn_missing_fonts(svg, "the picture");
        render::pdf::convert(svg, title, lang).map_err(|e| anyhow::anyhow!(e))
    }
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (svg, title, lang);
        anyhow::bail!("this cjm was built without PDF support (the `pdf` feature)")
    }
}

/// Text in a script no installed font can draw comes out as empty boxes: say so, and
/// what to install.
fn warn_missing_fonts(svg: &str, what: &str) {
    #[cfg(feature = "png")]
    for missing in render::png::missing_scripts(svg) {
        warning(&format!(
            "{what} has {} text, but no font on this machine draws it, so the PNG or PDF shows empty boxes; install {} (or use SVG or HTML, which the viewer's fonts draw)",
            missing.script, missing.install
        ));
    }
    #[cfg(not(feature = "png"))]
    let _ = (svg, what);
}
