//! The certificates the https transport trusts, loaded only when a command
//! reaches a remote.
//!
//! libgit2 built with OpenSSL sets up its TLS context when it starts, and
//! OpenSSL parses the whole system CA bundle right then (150-odd PEM
//! certificates): about 15 ms, three times what `status` or `ack` otherwise
//! cost in a small store, paid by every command although most never leave the
//! machine. So libgit2 starts with an empty bundle, and `load_trust_roots`
//! hands it the real one before the first fetch, push or clone.

/// Starts libgit2 without reading the CA bundle, leaving the environment as
/// it found it.
///
/// Must run before anything else calls git2, while the process has one
/// thread: it sets an environment variable for the duration of the start.
pub(crate) fn start_git() {
    imp::start_git();
}

/// Gives libgit2 the CA bundle and directory that OpenSSL would have read at
/// start (`SSL_CERT_FILE`/`SSL_CERT_DIR` if set, else the system's).
pub(crate) fn load_trust_roots() {
    imp::load_trust_roots();
}

#[cfg(all(unix, not(target_os = "macos"), not(target_os = "ios")))]
mod imp {
    use std::ffi::OsString;
    use std::sync::Once;

    const CERT_FILE: &str = "SSL_CERT_FILE";
    const CERT_DIR: &str = "SSL_CERT_DIR";
    // It must exist: git2 replaces a variable that names a missing file with
    // the system bundle it finds.
    const EMPTY_BUNDLE: &str = "/dev/null";

    pub(super) fn start_git() {
        static START: Once = Once::new();
        START.call_once(|| {
            let file = std::env::var_os(CERT_FILE);
            let dir = std::env::var_os(CERT_DIR);
            // SAFETY: called first thing in `run`, before any thread exists,
            // so nothing reads the environment while it changes.
            unsafe { std::env::set_var(CERT_FILE, EMPTY_BUNDLE) };
            // Any git2 call starts libgit2 (and its TLS context) once; this one
            // is also what every store open sets.
            git2::opts::strict_object_creation(false);
            // SAFETY: as above, still before any thread.
            unsafe {
                restore(CERT_FILE, file);
                restore(CERT_DIR, dir);
            }
        });
    }

    unsafe fn restore(name: &str, value: Option<OsString>) {
        // SAFETY: the caller holds the single-thread guarantee.
        unsafe {
            match value {
                Some(value) => std::env::set_var(name, value),
                None => std::env::remove_var(name),
            }
        }
    }

    pub(super) fn load_trust_roots() {
        static LOAD: Once = Once::new();
        LOAD.call_once(|| {
            let found = openssl_probe::probe();
            // Failures are left to the connection, whose certificate error
            // names the host; a bundle that cannot be read changes nothing
            // else.
            // SAFETY: libgit2's options are process-wide; this runs on the
            // command's thread before its transport starts, and no other
            // thread uses libgit2 during a fetch, push or clone.
            unsafe {
                if let Some(file) = found.cert_file {
                    let _ = git2::opts::set_ssl_cert_file(file);
                }
                if let Some(dir) = found.cert_dir {
                    let _ = git2::opts::set_ssl_cert_dir(dir);
                }
            }
        });
    }
}

#[cfg(not(all(unix, not(target_os = "macos"), not(target_os = "ios"))))]
mod imp {
    // Elsewhere libgit2 uses the platform's TLS, which reads no bundle at
    // start.
    pub(super) fn start_git() {}
    pub(super) fn load_trust_roots() {}
}
