//! A progress line on stderr for long runs: shown only when stderr is a terminal and
//! the run takes longer than a moment, so pipes and CI logs never see it.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a run goes before the line appears, and how often it is redrawn.
const DELAY: Duration = Duration::from_millis(300);
const TICK: Duration = Duration::from_millis(80);

/// Runs `work`, which counts finished files in `done`, showing `checked N/total maps`.
pub fn while_running<T: Send>(
    total: usize,
    done: &AtomicUsize,
    work: impl FnOnce() -> T + Send,
) -> T {
    let wanted = total > 1
        && std::io::stderr().is_terminal()
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
    if !wanted {
        return work();
    }
    let finished = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            let start = Instant::now();
            let mut shown = false;
            while !finished.load(Ordering::Relaxed) {
                std::thread::sleep(TICK);
                if start.elapsed() < DELAY || finished.load(Ordering::Relaxed) {
                    continue;
                }
                let n = done.load(Ordering::Relaxed);
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[2Kchecked {n}/{total} maps");
                let _ = err.flush();
                shown = true;
            }
            if shown {
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[2K");
                let _ = err.flush();
            }
        });
        let result = work();
        finished.store(true, Ordering::Relaxed);
        result
    })
}
