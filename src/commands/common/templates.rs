//! The I/O around reply drafts: a store's template overrides
//! (`templates/<name>.txt`), the flags every draft takes (`--ask`,
//! `--message`, `--edit`, `--to`, `--eml`) and the `.eml` file a draft is
//! written to.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::app::context::Ctx;
use crate::drafts::{self, Draft, DraftKind, Extras, Recipient};
use crate::error::{Error, Result};
use crate::model::case::Case;
use crate::model::limits;
use crate::store::{Identity, Store};

/// The flags every draft takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DraftArgs {
    /// A paragraph of your own, added to the draft
    #[arg(long, value_name = "TEXT")]
    pub message: Option<String>,
    /// Open the draft in $VISUAL or $EDITOR before it is printed or written
    #[arg(long)]
    pub edit: bool,
    /// The reporter's address, when the case has none recorded
    #[arg(long, value_name = "EMAIL")]
    pub to: Option<String>,
}

impl DraftArgs {
    /// Whether any of these flags was given.
    pub fn any(&self) -> bool {
        self.message.is_some() || self.edit || self.to.is_some()
    }
}

/// The store's override of `kind`, checked, or `None` for the built-in one.
/// A broken override is bad input (exit 2) naming the file, found before
/// anything is recorded.
pub fn load(store: &Store, kind: DraftKind) -> Result<Option<String>> {
    let rel = kind.template_path();
    let path = store.root().join(&rel);
    let Some(bytes) = store.read_file(&rel, limits::FILE_BYTES as u64)? else {
        return Ok(None);
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::input(format!("{}: not UTF-8 text", path.display())))?;
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

/// What `--draft`/`--eml` need, gathered before the command records
/// anything: the checked template, the flags, and an `--eml` path that can
/// be written.
pub struct Prepared {
    kind: DraftKind,
    template: Option<String>,
    eml: Option<PathBuf>,
    extras: Extras,
    edit: bool,
}

/// Loads the template for `kind` and checks the flags and where `--eml`
/// would go.
pub fn prepare(
    store: &Store,
    kind: DraftKind,
    eml: Option<&Path>,
    args: &DraftArgs,
    asks: &[String],
) -> Result<Prepared> {
    if !asks.is_empty() && kind != DraftKind::NeedInfo {
        return Err(
            Error::input(format!("--ask is for the need-info draft, not {kind}"))
                .with_hint("add your own paragraph with --message instead"),
        );
    }
    if let Some(to) = &args.to {
        crate::model::syntax::check_email(to, "--to")?;
    }
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
        extras: Extras {
            asks: asks.to_vec(),
            message: args.message.clone(),
            to: args.to.clone(),
        },
        edit: args.edit,
    })
}

/// Refuses a draft the case cannot truthfully support (an internal
/// finding has no reporter at all), unless `force` for a precondition.
pub fn check_precondition(kind: DraftKind, case: &Case, force: bool) -> Result<()> {
    if case.internal {
        return Err(Error::refused(format!(
            "cannot draft {kind} for {}: it is an internal finding, with no reporter to write to",
            case.id
        )));
    }
    match drafts::precondition(kind, case) {
        Some(reason) if !force => Err(Error::refused(format!(
            "cannot draft {kind} for {}: {reason}",
            case.id
        ))
        .with_hint(
            "the draft would tell the reporter something untrue; pass --force to draft it anyway",
        )),
        _ => Ok(()),
    }
}

/// A draft ready to print, and the complete message for `--eml`.
pub struct Composed {
    kind: DraftKind,
    pub draft: Draft,
    /// The `--eml` path, the message, and its Message-ID.
    pub eml: Option<(PathBuf, String, String)>,
}

/// Renders the draft for `case` (edited with `--edit`) and the `--eml`
/// message. An `.eml` without a recipient is refused here, before
/// anything is recorded.
pub fn compose(ctx: &Ctx, store: &Store, prepared: &Prepared, case: &Case) -> Result<Composed> {
    let now = ctx.now();
    let mut draft = render(store, prepared, case, now)?;
    if prepared.edit {
        draft = edited(ctx, draft)?;
    }
    let eml = match &prepared.eml {
        Some(path) => {
            if draft.to.is_none() {
                return Err(Error::input(format!(
                    "--eml {}: the message would have no recipient: {} has no reporter email",
                    path.display(),
                    case.id
                ))
                .with_hint("give the reporter's address with --to EMAIL"));
            }
            let who = ctx.identity_for(Some(store))?;
            let from = sender(store, &who);
            let id = drafts::message_id(case.id.as_str(), &from, now, rand::random());
            let text = draft.to_eml(&from, now, &id);
            Some((path.clone(), text, id))
        }
        None => None,
    };
    Ok(Composed {
        kind: prepared.kind,
        draft,
        eml,
    })
}

fn render(store: &Store, prepared: &Prepared, case: &Case, now: DateTime<Utc>) -> Result<Draft> {
    let kind = prepared.kind;
    drafts::render(
        kind,
        prepared.template.as_deref(),
        case,
        store.policy(),
        now,
        &prepared.extras,
    )
    .map_err(|e| match (&prepared.template, e) {
        (None, e @ drafts::TemplateError::Unavailable(..)) => {
            Error::refused(format!("cannot draft {kind} for {}: {e}", case.id))
        }
        (_, e) => Error::input(format!(
            "{}: {e}",
            store.root().join(kind.template_path()).display()
        )),
    })
}

/// The draft after the user edited its text (`Subject:` line, blank line,
/// body). An emptied body cancels.
fn edited(ctx: &Ctx, draft: Draft) -> Result<Draft> {
    let text = format!("Subject: {}\n\n{}", draft.subject, draft.body);
    let back = crate::app::editor::edit(ctx.env.editor.as_deref(), "draft.txt", &text)?
        .replace("\r\n", "\n");
    let (subject, body) = match back.strip_prefix("Subject:") {
        Some(rest) => {
            let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (line.trim().to_owned(), body)
        }
        None => (draft.subject.clone(), back.as_str()),
    };
    let body = body.trim_matches('\n');
    if body.trim().is_empty() {
        return Err(Error::refused(
            "the draft is empty after editing; nothing was recorded or written",
        ));
    }
    Ok(Draft {
        subject: drafts::with_case_id(subject, &draft.case_id),
        body: format!("{body}\n"),
        ..draft
    })
}

/// Prints the draft: the text on stdout (or JSON with --json), and the
/// complete message to the `--eml` file (or to stdout instead of the text
/// with `--eml -`). `recorded` says the message is already in the case
/// (`ack --eml`), so the hint does not ask to log it again.
pub fn emit(ctx: &Ctx, composed: &Composed, case: &Case, recorded: bool) -> Result<()> {
    let draft = &composed.draft;
    match &composed.eml {
        Some((path, text, _)) if path.as_path() == Path::new("-") => ctx.ui.print(text)?,
        _ if ctx.ui.json() => ctx.ui.print_json(draft)?,
        _ => ctx.ui.print(&draft.to_text())?,
    }
    if draft.to.is_none() {
        ctx.ui.warn(&format!(
            "{} has no reporter email, so the draft has no To: line; give one with --to EMAIL",
            case.id
        ));
    }
    if let Some((path, text, _)) = &composed.eml
        && path.as_path() != Path::new("-")
    {
        crate::store::write_out(path, text.as_bytes(), crate::store::Visibility::Private)
            .map_err(|e| Error::input(format!("--eml {}: {e}", path.display())))?;
        let next = if recorded {
            "it is recorded as the acknowledgement, so there is nothing to log".to_owned()
        } else {
            format!(
                "then log it with `disclose contact {} --from-email {}`",
                case.id,
                path.display()
            )
        };
        ctx.ui.status(&format!(
            "Wrote the {} reply to {}; send it from your mail program ({next}).",
            composed.kind,
            path.display(),
        ));
    }
    Ok(())
}
