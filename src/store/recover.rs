//! The next command after a change was killed: its journal says which files
//! it wrote, so the store is brought back in step with the branch (the
//! change finished if the branch moved, undone if not), and what was thrown
//! away is said. A journaled file that holds neither the old, the new nor
//! the committed content was edited by hand since: that is refused, never
//! overwritten.

use std::path::Path;

use git2::{Oid, Repository};

use super::change::{Env, HandEdit, hand_edits};
use super::files::{self, Found};
use super::git;
use super::index::Loaded;
use super::index_file::{NewEntry, Stat};
use super::journal::{self, Journal};
use super::lock;
use super::{CACHE_DIR, fs};
use crate::error::{Error, Result};

/// Whether `root`'s last change was interrupted (a journal is there).
pub(crate) fn pending(root: &Path) -> bool {
    journal::path(&root.join(".git")).exists()
}

/// Brings the store back in step after an interrupted change, if there was
/// one. Runs with the store lock held.
pub(crate) fn recover(env: &Env<'_>) -> Result<()> {
    let git_dir = env.git_dir();
    let Some((journal, written)) = Journal::read(&git_dir)? else {
        return Ok(());
    };
    let repo = git::open(env.root)?;
    let fail = |e| Error::git("read the store after an interrupted change", e);
    let tip = match repo.refname_to_id(&journal.branch) {
        Ok(id) => Some(id),
        Err(e) if e.code() == git2::ErrorCode::NotFound => None,
        Err(e) => return Err(fail(e)),
    };
    let parse = |hex: &str| {
        Oid::from_str(hex).map_err(|_| {
            Error::store(format!(
                "{}: {hex:?} is not a commit or blob id",
                journal::path(&git_dir).display()
            ))
        })
    };
    let old = journal.old.as_deref().map(parse).transpose()?;
    let tip_tree = tree(&repo, tip).map_err(fail)?;
    let old_tree = tree(&repo, old).map_err(fail)?;
    let id_in = |tree: Option<&git2::Tree<'_>>, path: &str| {
        tree.and_then(|t| t.get_path(Path::new(path)).ok())
            .map(|e| e.id())
    };

    // What each journaled file should become (the branch's content), and
    // whether it must be rewritten to get there.
    let mut plan = Vec::new();
    let mut edits = Vec::new();
    let mut landed = true;
    for file in &journal.files {
        let target = id_in(tip_tree.as_ref(), &file.path);
        let before = id_in(old_tree.as_ref(), &file.path);
        let new = file.new.as_deref().map(parse).transpose()?;
        landed &= target == new;
        let found = files::found(env.root, &file.path)?;
        let rewrite = if found == Found::of_blob(target) || file.untouched {
            false
        } else if found == Found::of_blob(before) || found == Found::of_blob(new) {
            true
        } else {
            edits.push(HandEdit {
                path: file.path.clone(),
                what: if found == Found::Other {
                    "not a plain file"
                } else {
                    "edited after the change was interrupted"
                },
                committed: target.is_some(),
            });
            continue;
        };
        // Whether the file will hold the branch's content: if not (a file
        // written by hand that the change only committed), its index entry
        // gets no stat data, so git looks at it again and shows the edit.
        let same = rewrite || found == Found::of_blob(target);
        plan.push((file.path.as_str(), target, rewrite, same));
    }
    // The change's own index.lock goes first, so that the git commands
    // a refusal suggests can run.
    let lock_path = git_dir.join("index.lock");
    let mut lock = lock::take_git_lock(&lock_path, &git_dir, Some(written), env.notify)?;
    if !edits.is_empty() {
        drop(lock);
        let _ = files::remove_if_there(&lock_path);
        return Err(hand_edits(
            env.root,
            &edits,
            &format!("that an interrupted change (\"{}\") wrote", journal.message),
        ));
    }
    let result = repair(env.root, &repo, &git_dir, &plan, &mut lock);
    drop(lock);
    let index_fixed = match result {
        Ok(fixed) => fixed,
        Err(e) => {
            let _ = files::remove_if_there(&lock_path);
            return Err(e);
        }
    };

    for (n, file) in journal.files.iter().enumerate() {
        let path = env.root.join(&file.path);
        let (temp, keep) = journal::temp_names(path.parent().unwrap_or(env.root), &journal.tx, n);
        let _ = files::remove_if_there(&temp);
        let _ = files::remove_if_there(&keep);
        // Directories the change made for its files, now empty again.
        files::remove_empty_parents(&temp, env.root);
    }
    let mut outside = Vec::new();
    for o in &journal.outside {
        if landed && o.temp.exists() {
            if std::fs::rename(&o.temp, &o.path).is_ok() {
                outside.push(o.path.display().to_string());
            }
        } else {
            let _ = files::remove_if_there(&o.temp);
        }
    }
    Journal::remove(&git_dir)?;

    let rewritten: Vec<&str> = plan
        .iter()
        .filter(|(_, _, rewrite, _)| *rewrite)
        .map(|(path, _, _, _)| *path)
        .collect();
    let what = format!("\"{}\", {}", journal.message, journal.owner);
    let text = if landed {
        let mut done = Vec::new();
        if index_fixed {
            done.push("the index".to_owned());
        }
        done.extend(rewritten.iter().map(|p| (*p).to_owned()));
        done.extend(outside);
        if done.is_empty() {
            format!(
                "cleared the record of an interrupted change ({what}); the change had been \
                 made in full"
            )
        } else {
            format!(
                "finished a change that was interrupted just after it was committed ({what}): \
                 brought {} up to date",
                done.join(", ")
            )
        }
    } else if rewritten.is_empty() {
        format!("cleared an interrupted change ({what}); it had not changed any file yet")
    } else {
        format!(
            "threw away what an interrupted change ({what}) had written before it could be \
             committed: {}; the store is as its last commit left it",
            rewritten.join(", ")
        )
    };
    (env.notify)(&text);
    Ok(())
}

fn tree(repo: &Repository, commit: Option<Oid>) -> Result<Option<git2::Tree<'_>>, git2::Error> {
    commit
        .map(|id| repo.find_commit(id).and_then(|c| c.tree()))
        .transpose()
}

/// Rewrites the files of `plan` that need it and sets their index entries
/// to the branch's blobs; whether the index needed that.
fn repair(
    root: &Path,
    repo: &Repository,
    git_dir: &Path,
    plan: &[(&str, Option<Oid>, bool, bool)],
    lock: &mut std::fs::File,
) -> Result<bool> {
    for (rel, target, rewrite, _) in plan {
        if !rewrite {
            continue;
        }
        match target {
            Some(id) => {
                let blob = repo
                    .find_blob(*id)
                    .map_err(|e| Error::git(format!("read {rel} from the last commit"), e))?;
                fs::write(root, rel, blob.content())?;
            }
            None => {
                fs::remove(root, rel)?;
                files::remove_empty_parents(&root.join(rel), root);
            }
        }
    }
    let index_path = git_dir.join("index");
    let lock_path = git_dir.join("index.lock");
    let loaded = Loaded::read(&index_path).map_err(|e| Error::git("read the store's index", e))?;
    let rewritten = plan.iter().any(|(_, _, rewrite, _)| *rewrite);
    if !rewritten
        && plan
            .iter()
            .all(|(path, target, _, _)| loaded.entry_id(path) == *target)
    {
        let _ = files::remove_if_there(&lock_path);
        return Ok(false);
    }
    let changes: Vec<NewEntry<'_>> = plan
        .iter()
        .map(|(path, target, _, _)| NewEntry {
            path,
            staged: *target,
        })
        .collect();
    let mut next = loaded
        .edit(&changes, None, &[])
        .ok_or_else(|| Error::store("the store's index has a layout disclose cannot edit"))?;
    for (rel, target, _, same) in plan {
        if target.is_some() && *same {
            let path = root.join(rel);
            let meta = std::fs::symlink_metadata(&path)
                .map_err(|e| Error::io(format!("read {}", path.display()), e))?;
            next.set_stat(rel, &Stat::of(&meta));
        }
    }
    next.write(lock, &lock_path, &git_dir.join(CACHE_DIR).join("index.new"))
        .map_err(|e| Error::io(format!("write {}", lock_path.display()), e))?;
    std::fs::rename(&lock_path, &index_path)
        .map_err(|e| Error::io(format!("replace {}", index_path.display()), e))?;
    Ok(true)
}
