//! `--force` for state moves: lets an impossible move through and records
//! who forced it (the event's author) and why.

/// Options shared by the commands that move a case between states.
#[derive(Debug, Clone, clap::Args)]
pub struct ForceArgs {
    /// Make the move even if the case's state does not allow it (recorded as an event)
    #[arg(long)]
    pub force: bool,
}

impl ForceArgs {
    /// The reason to record when forced: `why` if given, else a default.
    pub fn reason<'a>(&self, why: Option<&'a str>) -> Option<&'a str> {
        self.force.then(|| why.unwrap_or(""))
    }
}
