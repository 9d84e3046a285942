//! What every command gets: the printer, the clock, the environment, and the
//! store, located at once but opened only when a command asks for it.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::app::clock::Clock;
use crate::app::env::Env;
use crate::app::paths::{self, StoreSource};
use crate::app::ui::Ui;
use crate::error::{Error, Result};
use crate::model::case::Case;
use crate::model::id::CaseRef;
use crate::model::policy::Policy;
use crate::store::{self, Fault, Identity, Store, Tx};

pub struct Ctx {
    pub ui: Ui,
    pub clock: Clock,
    pub env: Env,
    dir: Option<PathBuf>,
    fault: Option<Fault>,
}

impl Ctx {
    pub fn new(ui: Ui, env: Env, dir: Option<PathBuf>) -> Result<Self> {
        let clock = Clock::from_env(env.now.as_deref())?;
        let fault = env
            .fault
            .as_deref()
            .map(|text| {
                text.parse::<Fault>()
                    .map_err(|why| Error::input(format!("DISCLOSE_FAULT={text}: {why}")))
            })
            .transpose()?;
        Ok(Self {
            ui,
            clock,
            env,
            dir,
            fault,
        })
    }

    /// How this run opens stores: its crash point, and notices as warnings.
    pub fn store_options(&self) -> store::Options {
        store::Options {
            fault: self.fault,
            notify: Some(self.ui.warner()),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Where the store is, and which rule chose it.
    pub fn location(&self) -> Result<(PathBuf, StoreSource)> {
        paths::resolve_store(self.dir.as_deref(), &self.env)
    }

    /// Whether a store is at `root`, once an interrupted change there is
    /// repaired (which can undo the change that created it).
    fn ready(&self, root: &std::path::Path) -> Result<bool> {
        if store::interrupted(root) {
            store::repair(root, &self.store_options())?;
        }
        store::probe(root)
    }

    /// The store if it exists yet. Read commands use this to greet a newcomer.
    pub fn existing_store(&self) -> Result<Option<Store>> {
        let (root, _) = self.location()?;
        if self.ready(&root)? {
            Store::open_with(&root, self.store_options()).map(Some)
        } else {
            Ok(None)
        }
    }

    /// The store, which must exist (for commands that name a case).
    pub fn store(&self) -> Result<Store> {
        let (root, source) = self.location()?;
        if self.ready(&root)? {
            return Store::open_with(&root, self.store_options());
        }
        Err(Error::input(format!(
            "there is no case store at {} ({source}) yet",
            root.display()
        ))
        .with_hint(
            "open a case with `disclose open --title ...` or create the store with `disclose init`",
        ))
    }

    /// The store, created with the default policy if this is the first write.
    pub fn store_for_write(&self) -> Result<Store> {
        let (root, source) = self.location()?;
        if self.ready(&root)? {
            return Store::open_with(&root, self.store_options());
        }
        let who = self.identity_for(None)?;
        let (store, was_open) = Store::create_with(
            &root,
            &Policy::default(),
            false,
            &who,
            self.now(),
            self.store_options(),
        )?;
        self.ui.status(&format!(
            "Created a new case store at {} ({source}).",
            root.display()
        ));
        self.say_made_private(&root, was_open);
        Ok(store)
    }

    /// Says that a store directory that existed was opened up to others
    /// and is private now.
    pub fn say_made_private(&self, root: &std::path::Path, was_open: Option<u32>) {
        if let Some(mode) = was_open {
            self.ui.status(&format!(
                "Made {} private to you (mode 0700; it was {mode:04o}): the store holds \
                 reporters' identities and embargoed details.",
                root.display()
            ));
        }
    }

    /// The commit identity for changes to `store` (or, before it exists, the user's).
    pub fn identity_for(&self, store: Option<&Store>) -> Result<Identity> {
        let (name, email) = (
            self.env.author_name.as_deref(),
            self.env.author_email.as_deref(),
        );
        match store {
            Some(store) => store.identity(name, email),
            None => store::global_identity(name, email),
        }
    }

    /// Reads one case named by the user.
    pub fn read_case(&self, typed: &CaseRef) -> Result<(Store, Case)> {
        let store = self.store()?;
        let id = store.resolve(typed)?;
        let case = store.read(&id)?;
        Ok((store, case))
    }

    /// Changes one case in one commit: resolves the ID, reads the case under
    /// the lock, lets `change` append its event, writes and commits
    /// `<ID>: <action>`. Returns the changed case.
    pub fn change_case(
        &self,
        typed: &CaseRef,
        change: impl FnOnce(&mut Case, &ChangeCtx<'_>) -> Result<()>,
    ) -> Result<(Store, Case)> {
        let store = self.store()?;
        let id = store.resolve(typed)?;
        let who = self.identity_for(Some(&store))?;
        let now = self.now();
        let by = who.by();
        let mut before = 0;
        let case = store.transaction(&who, now, |tx| {
            let mut case = tx.read(&id)?;
            before = case.events.len();
            let cx = ChangeCtx {
                now,
                by: &by,
                policy: tx.store().policy(),
            };
            change(&mut case, &cx)?;
            crate::app::input::check_limits(&case.events[before..])?;
            if case.events.len() > before {
                let action = case.events[before].kind.action();
                tx.set_message(format!("{id}: {action}"));
                tx.write(&case);
            }
            Ok(case)
        })?;
        self.tell_if_advisory_stale(&case, before);
        Ok((store, case))
    }

    /// After a change to a published case: says so when the change reaches
    /// what its advisory shows, since the files are written only by
    /// `publish --update`. One place, for every command that changes a case.
    pub fn tell_if_advisory_stale(&self, case: &Case, events_before: usize) {
        let changed = case
            .events
            .get(events_before..)
            .is_some_and(|new| new.iter().any(|e| e.kind.changes_advisory()));
        if case.state != crate::model::case::State::Published || !changed {
            return;
        }
        let advisory = case
            .identifiers
            .advisory
            .as_deref()
            .unwrap_or("its advisory");
        self.ui.warn(&format!(
            "{} is published as {advisory}, whose files do not show this change yet; \
             write them again with `disclose publish {} --update`",
            case.id, case.id
        ));
    }

    /// After a change to `case`: the case as JSON with `--json` (commands
    /// that change a case print nothing on stdout otherwise), else what to
    /// do next, on stderr.
    pub fn changed(&self, store: &Store, case: &Case) -> Result<()> {
        if self.ui.json() {
            return self.ui.print_json(case);
        }
        self.say_next(store, case);
        Ok(())
    }

    /// `Next: ...` for `case` (silenced by `-q` and `--json`).
    pub fn say_next(&self, store: &Store, case: &Case) {
        self.ui
            .next(&crate::judge::next::step(case, store.policy(), self.now()));
    }

    /// Runs a transaction with this run's identity and clock.
    pub fn transact<T>(
        &self,
        store: &Store,
        f: impl FnOnce(&mut Tx<'_>, &str) -> Result<T>,
    ) -> Result<T> {
        let who = self.identity_for(Some(store))?;
        let by = who.by();
        store.transaction(&who, self.now(), |tx| f(tx, &by))
    }
}

/// What a case change may need besides the case.
pub struct ChangeCtx<'a> {
    pub now: DateTime<Utc>,
    pub by: &'a str,
    pub policy: &'a Policy,
}

impl ChangeCtx<'_> {
    /// Who and when, for the event the change appends.
    pub fn stamp(&self) -> crate::model::case::Stamp<'_> {
        crate::model::case::Stamp {
            at: self.now,
            by: self.by,
        }
    }
}
