use std::process::ExitCode;

// The store-wide reads (`status`, `check`, a cold cache in CI) make and drop
// a few buffers per case file on every core. glibc's allocator grows its
// per-thread heaps a few pages at a time under that load, a system call each;
// mimalloc's heaps take a cold `status --json` from the time of `cat` on the
// files to about four fifths of it (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match disclose::parse() {
        Ok(cli) => disclose::main(cli),
        Err(code) => code,
    }
}
