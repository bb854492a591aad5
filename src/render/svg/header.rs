//! The top of the picture: title, meta line and banner, persona cards, stage headers.

use crate::render::text::Face;
use std::fmt::Write;

use super::Picture;
use super::block::{Block, BlockBuilder};
use super::{BODY, CELL_PAD, INK, LABEL_W, MUTED, Mark, PAD, SMALL, draw};
use crate::render::text::wrap;

/// The title, the meta line, the description and a diff's banner; returns the y below.
pub(super) fn title(p: &Picture, body: &mut String) -> f64 {
    let (map, overlay, canvas_w, l) = (p.map, p.overlay, p.canvas_w, p.l);
    let mut y = PAD;
    let (title_lines, _) = wrap(&map.title.value, 26.0, Face::Bold, canvas_w - 2.0 * PAD, 3);
    for l in &title_lines {
        y += 26.0 * 1.2;
        draw::text(body, PAD, y, l, 26.0, true, false, &p.view.theme.title);
    }
    let mut meta = Vec::new();
    if let Some(kind) = map.kind {
        meta.push(l.map_type(kind).to_string());
    }
    if let Some(owner) = &map.owner {
        meta.push(format!("{}: {}", l.owner, owner.value));
    }
    if let Some(r) = &map.reviewed {
        meta.push(format!("{} {}", l.reviewed, r.value));
    }
    if let Some(b) = &map.baseline {
        meta.push(format!("{}: {}", l.baseline, b.value));
    }
    if !map.tags.is_empty() {
        meta.push(map.tags.join(", "));
    }
    let (meta_lines, _) = wrap(
        &meta.join("  ·  "),
        13.0,
        Face::Regular,
        canvas_w - 2.0 * PAD,
        2,
    );
    for l in &meta_lines {
        y += 13.0 * 1.5;
        draw::text(body, PAD, y, l, 13.0, false, false, MUTED);
    }
    if let Some(d) = &map.description {
        let (lines, _) = wrap(d, BODY, Face::Regular, canvas_w - 2.0 * PAD, 3);
        for l in &lines {
            y += BODY * 1.5;
            draw::text(body, PAD, y, l, BODY, false, false, INK);
        }
    }
    for l in &overlay.banner {
        let (lines, _) = wrap(l, 13.0, Face::Bold, canvas_w - 2.0 * PAD, 3);
        for l in &lines {
            y += 13.0 * 1.5;
            draw::text(body, PAD, y, l, 13.0, true, false, INK);
        }
    }
    y
}

pub(super) fn personas(pic: &Picture, body: &mut String, mut y: f64) -> f64 {
    let (map, canvas_w, l) = (pic.map, pic.canvas_w, pic.l);
    const CARD_W: f64 = 340.0;
    let per_row = (((canvas_w - 2.0 * PAD + 16.0) / (CARD_W + 16.0)).floor() as usize).max(1);
    for row in map.personas.chunks(per_row) {
        let cards: Vec<Block> = row
            .iter()
            .map(|p| {
                let mut b = BlockBuilder::new().text(&p.name, 14.0, true, INK);
                if let Some(d) = &p.description {
                    b = b.text(d, SMALL, false, MUTED);
                }
                // Goals and frustrations in ink, the empathy map muted.
                let goals =
                    usize::from(!p.goals.is_empty()) + usize::from(!p.frustrations.is_empty());
                for (k, (label, text)) in crate::render::details::persona(p, l)
                    .into_iter()
                    .enumerate()
                {
                    let ink = if k < goals { INK } else { MUTED };
                    b = b.text(&format!("{label}: {text}"), SMALL, false, ink);
                }
                b.mark(l, false, pic.overlay.mark("persona", &p.ident.id))
                    .fill("#fdf6ec", "#e9c46a")
                    .build(CARD_W + 2.0 * CELL_PAD)
            })
            .collect();
        let h = cards.iter().map(Block::height).fold(0.0, f64::max);
        let mut x = PAD - CELL_PAD;
        for card in &cards {
            draw::block(body, card, x, y, CARD_W + 2.0 * CELL_PAD);
            x += CARD_W + 16.0;
        }
        y += h + 16.0;
    }
    y
}

/// The stage headers, coloured for a diff's new and removed stages, with a link to the
/// map that zooms into a stage; returns the y below.
pub(super) fn stages(p: &Picture, body: &mut String, mut y: f64) -> f64 {
    let (map, overlay, widths, l) = (p.map, p.overlay, &p.widths[..], p.l);
    y = phases(p, body, y);
    let grid_x = PAD + LABEL_W;
    let header_h = map
        .stages
        .iter()
        .zip(widths)
        .map(|(s, w)| {
            wrap(&s.name.value, 15.0, Face::Bold, w - 2.0 * CELL_PAD, 3)
                .0
                .len() as f64
                * 15.0
                * 1.3
                + 18.0
                + if overlay.stages.contains_key(&s.ident.id) {
                    14.0
                } else {
                    0.0
                }
                + if s.journey.is_some() { 16.0 } else { 0.0 }
        })
        .fold(40.0, f64::max);
    let mut x = grid_x;
    for (i, (stage, w)) in map.stages.iter().zip(widths).enumerate() {
        let mark = overlay.stage_mark(stage);
        let fill = match mark {
            Some(Mark::Added) => "#1e7a4a",
            Some(Mark::Removed) => "#9aa5b1",
            _ => p.view.theme.header[i % 2].as_str(),
        };
        let dash = if mark == Some(Mark::Removed) {
            r##" stroke="#52606d" stroke-dasharray="6 4""##
        } else {
            ""
        };
        let _ = writeln!(
            body,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{header_h:.1}" fill="{fill}"{dash}/>"##,
            w - 2.0,
        );
        if let Some(m @ (Mark::Added | Mark::Removed)) = mark {
            let tag = if m == Mark::Added {
                l.new_stage
            } else {
                l.removed_stage
            };
            draw::text(
                body,
                x + CELL_PAD,
                y + header_h - 6.0,
                tag,
                SMALL,
                false,
                true,
                "#ffffff",
            );
        }
        let (lines, cut) = wrap(&stage.name.value, 15.0, Face::Bold, w - 2.0 * CELL_PAD, 3);
        draw::group_open(body, cut.then_some(stage.name.value.as_str()));
        let mut ty = y + 9.0;
        for l in &lines {
            ty += 15.0 * 1.3;
            draw::text(
                body,
                x + CELL_PAD,
                ty - 4.0,
                l,
                15.0,
                true,
                false,
                "#ffffff",
            );
        }
        draw::group_close(body, cut);
        if let Some(child) = &stage.journey {
            // The map that zooms into this stage; rendered side by side, `ID.svg`.
            let label = format!("↳ {}: {}", l.zoom_in, child.value);
            let (shown, _) = wrap(&label, SMALL, Face::Regular, w - 2.0 * CELL_PAD, 1);
            let _ = write!(
                body,
                r#"<a href="./{}.svg">"#,
                crate::render::text::xml(&child.value)
            );
            draw::text(
                body,
                x + CELL_PAD,
                ty + 12.0,
                shown.first().map_or("", String::as_str),
                SMALL,
                false,
                true,
                "#d9e2ec",
            );
            body.push_str("</a>\n");
        }
        x += w;
    }
    draw::text(body, PAD, y + 24.0, l.stage, 12.0, true, false, MUTED);
    y += header_h + 2.0;

    y
}

/// Phases as bands over the stages they span, each with its name; returns the y below.
/// Phases that name no stage of the map (a mistake `validate` reports) are not drawn.
fn phases(p: &Picture, body: &mut String, y: f64) -> f64 {
    const BAND: f64 = 26.0;
    if p.map.phases.is_empty() {
        return y;
    }
    let starts: Vec<f64> = p
        .widths
        .iter()
        .scan(PAD + LABEL_W, |x, w| {
            let start = *x;
            *x += w;
            Some(start)
        })
        .collect();
    for (k, phase) in p.map.phases.iter().enumerate() {
        let columns: Vec<usize> = phase
            .stages
            .iter()
            .filter_map(|s| p.map.stages.iter().position(|st| st.ident.id == s.value))
            .collect();
        let (Some(&first), Some(&last)) = (columns.iter().min(), columns.iter().max()) else {
            continue;
        };
        let (Some(&x), Some(&end), Some(&w)) =
            (starts.get(first), starts.get(last), p.widths.get(last))
        else {
            continue;
        };
        let width = end + w - x - 2.0;
        let fill = if k % 2 == 0 { "#d9e2ec" } else { "#e4e7eb" };
        // Under a diff, a new or renamed phase is outlined and says so after its name.
        let mark = p.overlay.mark("phase", &phase.ident.id);
        let stroke = mark.map_or(String::new(), |(m, _)| {
            format!(r#" stroke="{}" stroke-width="2""#, m.color())
        });
        let _ = writeln!(
            body,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{width:.1}" height="{:.1}" rx="4" fill="{fill}"{stroke}/>"##,
            BAND - 4.0
        );
        let label = match mark {
            Some((m, note)) if !note.is_empty() => {
                format!("{} · {}: {note}", phase.name.value, m.label(p.l))
            }
            Some((m, _)) => format!("{} · {}", phase.name.value, m.label(p.l)),
            None => phase.name.value.clone(),
        };
        // The band has room for one line: the name and the mark's sign, the rest on hover.
        let (lines, cut) = wrap(&label, 12.0, Face::Bold, width - 2.0 * CELL_PAD, 1);
        draw::group_open(body, (cut || mark.is_some()).then_some(label.as_str()));
        draw::text(
            body,
            x + CELL_PAD,
            y + 15.5,
            lines.first().map_or("", String::as_str),
            12.0,
            true,
            false,
            INK,
        );
        draw::group_close(body, cut);
    }
    draw::text(body, PAD, y + 15.5, p.l.phase, 12.0, true, false, MUTED);
    y + BAND
}
