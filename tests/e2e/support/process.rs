//! Child processes that are always stopped, also when a test panics.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A process started in its own process group; dropping it kills the whole
/// group, so ChromeDriver takes its Chromium (and Chromium its helpers) along.
///
/// Browsers kept for later tests are never dropped (statics live until the
/// test binary exits), so each group also has a watchdog: a shell blocked
/// reading a pipe only this process writes. When the test binary ends, even
/// killed, the pipe closes and the watchdog kills the group.
pub struct GroupChild {
    child: Child,
    watchdog: Child,
}

impl GroupChild {
    pub fn spawn(program: &str, args: &[String]) -> std::io::Result<Self> {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        // std opens the pipe close-on-exec: no later child inherits (and so
        // holds open) its writing end.
        let watchdog = Command::new("sh")
            .args([
                "-c",
                &format!("read _; exec kill -KILL -- -{} 2>/dev/null", child.id()),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match watchdog {
            Ok(watchdog) => Ok(Self { child, watchdog }),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(e)
            }
        }
    }
}

impl Drop for GroupChild {
    fn drop(&mut self) {
        // The group id equals the leader's pid (process_group(0) above).
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Dropping the watchdog's stdin ends it; reap it so no zombie stays.
        drop(self.watchdog.stdin.take());
        let _ = self.watchdog.wait();
    }
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> std::io::Result<Self> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "limber-{label}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(unique);
        std::fs::create_dir_all(&path)?;
        Ok(Self(path))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
