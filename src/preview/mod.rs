//! `cjm preview`: the rendered map (or a folder's site) served on 127.0.0.1, rebuilt when
//! a file changes, and reloaded in the browser by server-sent events.
//!
//! `pages` builds what is served, as `(path, bytes)` in memory: nothing on disk is ever
//! served, so a request cannot reach another file. `watch` polls modification times
//! (no watcher crate: a folder of maps is a few stat calls every 200 ms); `server` is a
//! small HTTP/1.1 server on `std::net`.

pub mod pages;
pub mod server;
pub mod watch;

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

/// What is being served, and a generation number bumped on every rebuild.
#[derive(Default)]
pub struct Shared {
    state: Mutex<(u64, Arc<pages::Pages>)>,
    changed: Condvar,
}

impl Shared {
    pub fn new(pages: pages::Pages) -> Shared {
        Shared {
            state: Mutex::new((0, Arc::new(pages))),
            changed: Condvar::new(),
        }
    }

    pub fn current(&self) -> (u64, Arc<pages::Pages>) {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        (state.0, state.1.clone())
    }

    /// Swaps in new pages and wakes every waiting event stream.
    pub fn replace(&self, pages: pages::Pages) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 += 1;
        state.1 = Arc::new(pages);
        self.changed.notify_all();
    }

    /// Waits until the generation differs from `seen`, or `timeout` passes; returns the
    /// generation then.
    pub fn wait(&self, seen: u64, timeout: std::time::Duration) -> u64 {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let (state, _) = self
            .changed
            .wait_timeout_while(state, timeout, |s| s.0 == seen)
            .unwrap_or_else(|e| e.into_inner());
        state.0
    }
}

/// Builds the pages for `target`, serves them on `listener`, and rebuilds on change.
/// Never returns unless the listener fails.
pub fn serve(target: PathBuf, listener: std::net::TcpListener) -> std::io::Result<()> {
    let before = watch::stamp(&target);
    let shared = Arc::new(Shared::new(pages::build(&target)));
    let watched = shared.clone();
    std::thread::spawn(move || watch::run(&target, &watched, before));
    server::run(listener, shared)
}
