//! The I/O around reply drafts: a store's template overrides
//! (`templates/<name>.txt`) and the `.eml` file a draft is written to.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::app::context::Ctx;
use crate::drafts::{self, Draft, DraftKind, Recipient};
use crate::error::{Error, Result};
use crate::model::case::Case;
use crate::store::{Identity, Store};

/// The store's override of `kind`, checked, or `None` for the built-in one.
/// A broken override is bad input (exit 2) naming the file, found before
/// anything is recorded.
pub fn load(store: &Store, kind: DraftKind) -> Result<Option<String>> {
    let path = store.root().join(kind.template_path());
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map_err(|_| Error::input(format!("{}: not UTF-8 text", path.display())))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(format!("read {}", path.display()), e)),
    };
    drafts::check(&text).map_err(|e| {
        let guess = match &e {
            drafts::TemplateError::Unknown(name) => {
                let known = drafts::PLACEHOLDERS.iter().map(|(n, _)| *n);
                let mut near = crate::model::suggest::close_names(name, known.clone());
                if near.is_empty() {
                    // `{reporter}` for `{reporter_name}`: a name cut short.
                    near = known
                        .filter(|n| n.starts_with(name.as_str()))
                        .take(3)
                        .collect();
                }
                let braced: Vec<String> = near.iter().map(|n| format!("{{{n}}}")).collect();
                let braced: Vec<&str> = braced.iter().map(String::as_str).collect();
                crate::model::suggest::did_you_mean(&braced)
            }
            _ => None,
        };
        let fallback =
            "see the placeholders in the README, or delete the file to use the built-in draft";
        Error::input(format!("{}: {e}", path.display())).with_hint(match guess {
            Some(guess) => format!("{guess} ({fallback})"),
            None => fallback.to_owned(),
        })
    })?;
    Ok(Some(text))
}

/// Who the reply comes from: the policy's contact address (as the
/// project's security team), else the commit identity.
pub fn sender(store: &Store, who: &Identity) -> Recipient {
    let policy = store.policy();
    match &policy.contact {
        Some(contact) if contact.contains('@') => Recipient {
            name: Some(match &policy.project {
                Some(project) => format!("{project} security team"),
                None => "Security team".to_owned(),
            }),
            email: contact.clone(),
        },
        _ => Recipient {
            name: Some(who.name.clone()),
            email: who.email.clone(),
        },
    }
}

/// Renders `kind` for `case` (the template was checked by `load`).
pub fn render(
    store: &Store,
    kind: DraftKind,
    template: Option<&str>,
    case: &Case,
    now: DateTime<Utc>,
) -> Result<Draft> {
    drafts::render(kind, template, case, store.policy(), now).map_err(|e| {
        Error::input(format!(
            "{}: {e}",
            store.root().join(kind.template_path()).display()
        ))
    })
}

/// What `--draft`/`--eml` need, gathered before the command records
/// anything: the checked template, and an `--eml` path that can be written.
pub struct Prepared {
    kind: DraftKind,
    template: Option<String>,
    eml: Option<std::path::PathBuf>,
}

/// Loads the template for `kind` and checks where `--eml` would go.
pub fn prepare(store: &Store, kind: DraftKind, eml: Option<&Path>) -> Result<Prepared> {
    let template = load(store, kind)?;
    if let Some(path) = eml
        && path != Path::new("-")
    {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(Error::input(format!(
                "--eml {}: the directory {} does not exist",
                path.display(),
                dir.display()
            )));
        }
        if path.is_dir() {
            return Err(Error::input(format!(
                "--eml {}: is a directory",
                path.display()
            )));
        }
    }
    Ok(Prepared {
        kind,
        template,
        eml: eml.map(Path::to_path_buf),
    })
}

/// Renders the draft for `case` and prints it: the text on stdout (or JSON
/// with --json), and the complete message to the `--eml` file (or to
/// stdout instead of the text with `--eml -`).
pub fn emit(ctx: &Ctx, store: &Store, prepared: &Prepared, case: &Case) -> Result<()> {
    let now = ctx.now();
    let draft = render(
        store,
        prepared.kind,
        prepared.template.as_deref(),
        case,
        now,
    )?;
    let eml = match &prepared.eml {
        Some(path) => {
            let who = ctx.identity_for(Some(store))?;
            let from = sender(store, &who);
            let id = drafts::message_id(case.id.as_str(), &from, now, rand::random());
            Some((path, draft.to_eml(&from, now, &id)))
        }
        None => None,
    };
    match &eml {
        Some((path, text)) if path.as_path() == Path::new("-") => ctx.ui.print(text)?,
        _ if ctx.ui.json() => ctx.ui.print_json(&draft)?,
        _ => ctx.ui.print(&draft.to_text())?,
    }
    if let Some((path, text)) = &eml
        && path.as_path() != Path::new("-")
    {
        std::fs::write(path, text)
            .map_err(|e| Error::input(format!("--eml {}: {e}", path.display())))?;
        ctx.ui.status(&format!(
            "Wrote the {} reply to {}; send it from your mail program, then log it with \
             `disclose contact {} --to-reporter ...`",
            prepared.kind,
            path.display(),
            case.id
        ));
    }
    Ok(())
}
