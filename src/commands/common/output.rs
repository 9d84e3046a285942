//! Files written outside the store (`--out`, `--write`): private to the
//! user (0600, directories 0700) unless `--world-readable` asks otherwise,
//! for a directory that is public anyway (a website, a man page directory).

use crate::error::{Error, Result};
use crate::store::Visibility;

#[derive(Debug, Clone, Copy, clap::Args)]
pub struct OutputMode {
    /// Create the files written with --out readable by every user of this
    /// machine (0644, directories 0755) instead of private to you (0600, 0700)
    #[arg(long)]
    pub world_readable: bool,
}

impl OutputMode {
    pub fn visibility(self) -> Visibility {
        if self.world_readable {
            Visibility::WorldReadable
        } else {
            Visibility::Private
        }
    }

    /// Refuses `--world-readable` where the command writes no file outside
    /// the store (`writes` is false), so the flag never does nothing
    /// silently; `instead` says what happens to the output.
    pub fn require_files(self, writes: bool, instead: &str) -> Result<()> {
        if self.world_readable && !writes {
            return Err(Error::input(format!(
                "--world-readable sets the mode of the files written with --out; {instead}"
            )));
        }
        Ok(())
    }
}
