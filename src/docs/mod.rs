//! Completions and man pages come from the clap definitions, so `--help`,
//! `man disclose` and tab completion can never disagree. The same functions feed the
//! `completions` and `man` commands and the checked-in `completions/` and
//! `man/` files (kept fresh by a test).
//!
//! Case IDs and release names are completed from the store: any argument
//! whose value name is `ID` (a positional `id: CaseRef`, or an option such as
//! `--duplicate-of ID`) gets the output of the hidden `disclose
//! __complete-ids PREFIX`, and any whose value name is `RELEASE` (`fix
//! --release`, `release ID RELEASE`) that of `disclose __complete-releases
//! PREFIX`. clap_complete knows nothing of the store, so the bash, zsh and
//! fish scripts it generates get a small addition that calls them.

use std::path::{Path, PathBuf};

use clap::{Arg, Command};
use clap_complete::{Generator as _, Shell};
use roff::{Roff, bold, roman};

pub const BIN: &str = "disclose";
pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// The value name that marks an argument as a case ID.
const ID_VALUE: &str = "ID";

/// The value name that marks an argument as a maintained release's name.
const RELEASE_VALUE: &str = "RELEASE";

/// The command as the docs see it: built, so subcommands know their full names.
fn command(cli: Command) -> Command {
    let mut cmd = cli.disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// The command without its hidden subcommands, which clap_complete would
/// otherwise offer. clap cannot remove a subcommand, so the root is rebuilt
/// from its parts.
fn visible_command(cli: &Command) -> Command {
    let mut root = Command::new(BIN)
        .version(env!("CARGO_PKG_VERSION"))
        .propagate_version(true)
        .args(cli.get_arguments().cloned())
        .subcommands(cli.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    if let Some(about) = cli.get_about() {
        root = root.about(about.clone());
    }
    root
}

/// The completion script for `shell`.
pub fn completion(cli: &Command, shell: Shell) -> String {
    completion_for(visible_command(cli), shell)
}

fn completion_for(mut cmd: Command, shell: Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut buf);
    let script = String::from_utf8(buf).expect("clap_complete writes UTF-8");
    cmd.build();
    let ids = IdArgs::of(&cmd);
    match shell {
        Shell::Bash => script + &bash_ids(&ids),
        Shell::Zsh => zsh_ids(&script, &ids),
        Shell::Fish => script + &fish_ids(&ids),
        _ => script,
    }
}

/// Where an ID or a release name is typed: the subcommand paths whose first
/// positional is an ID, the options that take one, the positionals and
/// options (per subcommand) that take a release name, and every option that
/// takes a value (so the bash addition can tell an option's value from a
/// positional).
#[derive(Debug, Default)]
struct IdArgs {
    positional: Vec<Vec<String>>,
    commands: Vec<Vec<String>>,
    /// The clap names of ID positionals (zsh names positionals by them).
    positional_names: Vec<String>,
    options: Vec<String>,
    valued: Vec<String>,
    /// Release positionals: the subcommand path and how many positionals
    /// come before.
    release_positional: Vec<(Vec<String>, usize)>,
    release_positional_names: Vec<String>,
    /// Release options: the subcommand path and the flag.
    release_options: Vec<(Vec<String>, String)>,
}

fn has_value_name(arg: &Arg, name: &str) -> bool {
    arg.get_value_names()
        .is_some_and(|names| names.iter().any(|n| n.as_str() == name))
}

fn is_id(arg: &Arg) -> bool {
    has_value_name(arg, ID_VALUE)
}

fn is_release(arg: &Arg) -> bool {
    has_value_name(arg, RELEASE_VALUE)
}

fn flags_of(arg: &Arg) -> Vec<String> {
    let mut out: Vec<String> = arg
        .get_long_and_visible_aliases()
        .unwrap_or_default()
        .iter()
        .map(|l| format!("--{l}"))
        .collect();
    out.extend(
        arg.get_short_and_visible_aliases()
            .unwrap_or_default()
            .iter()
            .map(|s| format!("-{s}")),
    );
    out
}

impl IdArgs {
    fn of(root: &Command) -> Self {
        let mut ids = Self::default();
        ids.walk(root, &mut Vec::new());
        ids.options.sort();
        ids.options.dedup();
        ids.valued.sort();
        ids.valued.dedup();
        ids.positional_names.sort();
        ids.positional_names.dedup();
        ids.release_positional_names.sort();
        ids.release_positional_names.dedup();
        ids
    }

    fn walk(&mut self, cmd: &Command, path: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            if arg.is_positional() || !arg.get_action().takes_values() {
                continue;
            }
            self.valued.extend(flags_of(arg));
            if is_id(arg) {
                self.options.extend(flags_of(arg));
            }
            if is_release(arg) {
                for flag in flags_of(arg) {
                    self.release_options.push((path.clone(), flag));
                }
            }
        }
        if !path.is_empty() {
            self.commands.push(path.clone());
            if cmd.get_positionals().next().is_some_and(is_id) {
                self.positional.push(path.clone());
            }
            for arg in cmd.get_positionals().filter(|a| is_id(a)) {
                self.positional_names.push(arg.get_id().to_string());
            }
            for (before, arg) in cmd.get_positionals().enumerate() {
                if is_release(arg) {
                    self.release_positional.push((path.clone(), before));
                    self.release_positional_names.push(arg.get_id().to_string());
                }
            }
        }
        for sub in cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        {
            path.push(sub.get_name().to_owned());
            self.walk(sub, path);
            path.pop();
        }
    }
}

fn bash_ids(ids: &IdArgs) -> String {
    let words = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let joined = |paths: &[Vec<String>]| paths.iter().map(|p| p.join(" ")).collect::<Vec<_>>();
    let release_positions: Vec<String> = ids
        .release_positional
        .iter()
        .map(|(path, before)| format!("{} {before}", path.join(" ")))
        .collect();
    let release_options: Vec<String> = ids
        .release_options
        .iter()
        .map(|(path, flag)| format!("{} {flag}", path.join(" ")))
        .collect();
    format!(
        r#"
# Case IDs and release names from the store: added to the generated script
# by disclose's docs.rs.
_disclose_store_words() {{
    local dir=() i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            --dir) dir=(--dir "${{COMP_WORDS[i+1]}}") ;;
            --dir=*) dir=("${{COMP_WORDS[i]}}") ;;
        esac
    done
    COMPREPLY=( $(command disclose "${{dir[@]}}" "$1" "$2" 2>/dev/null) )
}}

_disclose_is_one_of() {{
    local x="$1" e
    shift
    for e; do [[ "$e" == "$x" ]] && return 0; done
    return 1
}}

_disclose_with_ids() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local id_options=({id_options})
    local valued=({valued})
    local commands=({commands})
    local id_commands=({id_commands})
    local release_options=({release_options})
    local release_positions=({release_positions})
    # Find the subcommand, and how many positionals were typed after it.
    local path="" positionals=0 skip=0 word i
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${{COMP_WORDS[i]}}"
        if ((skip)); then skip=0; continue; fi
        if [[ "$word" == -* ]]; then
            _disclose_is_one_of "$word" "${{valued[@]}}" && skip=1
            continue
        fi
        if ((positionals == 0)) && _disclose_is_one_of "${{path:+$path }}$word" "${{commands[@]}}"; then
            path="${{path:+$path }}$word"
        else
            positionals=$((positionals + 1))
        fi
    done
    if _disclose_is_one_of "$prev" "${{id_options[@]}}"; then
        _disclose_store_words __complete-ids "$cur"
        return 0
    fi
    if _disclose_is_one_of "$path $prev" "${{release_options[@]}}"; then
        _disclose_store_words __complete-releases "$cur"
        return 0
    fi
    if [[ "$cur" != -* ]]; then
        if ((positionals == 0)) && _disclose_is_one_of "$path" "${{id_commands[@]}}"; then
            _disclose_store_words __complete-ids "$cur"
            return 0
        fi
        if _disclose_is_one_of "$path $positionals" "${{release_positions[@]}}"; then
            _disclose_store_words __complete-releases "$cur"
            return 0
        fi
    fi
    _disclose "$@"
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _disclose_with_ids -o nosort -o bashdefault -o default disclose
else
    complete -F _disclose_with_ids -o bashdefault -o default disclose
fi
"#,
        id_options = words(&ids.options),
        valued = words(&ids.valued),
        commands = words(&joined(&ids.commands)),
        id_commands = words(&joined(&ids.positional)),
        release_options = words(&release_options),
        release_positions = words(&release_positions),
    )
}

const ZSH_IDS: &str = r#"# Case IDs from the store: added to the generated script by disclose's docs.rs.
(( $+functions[_disclose_case_ids] )) ||
_disclose_case_ids() {
    local -a ids dir
    local i
    for ((i = 2; i < CURRENT; i++)); do
        case $words[i] in
            --dir) dir=(--dir "${words[i+1]}") ;;
            --dir=*) dir=("$words[i]") ;;
        esac
    done
    ids=(${(f)"$(command disclose $dir __complete-ids "$PREFIX" 2>/dev/null)"})
    compadd -U -a ids
}

(( $+functions[_disclose_releases] )) ||
_disclose_releases() {
    local -a names dir
    local i
    for ((i = 2; i < CURRENT; i++)); do
        case $words[i] in
            --dir) dir=(--dir "${words[i+1]}") ;;
            --dir=*) dir=("$words[i]") ;;
        esac
    done
    names=(${(f)"$(command disclose $dir __complete-releases "$PREFIX" 2>/dev/null)"})
    compadd -U -a names
}

"#;

fn zsh_ids(script: &str, ids: &IdArgs) -> String {
    // clap_complete writes an ID argument as `'--opt=[help]:ID:_default'`
    // (options) or `':id -- help:_default'` (positionals); point both at the store.
    let mut out = String::new();
    for line in script.lines() {
        // The helper must exist before the script's last lines run `_disclose`.
        if line.starts_with("if [ \"$funcstack[1]\" = \"_disclose\" ]") {
            out.push_str(ZSH_IDS);
        }
        let trimmed = line.trim_start();
        let is_id_line = ids.positional_names.iter().any(|name| {
            trimmed.starts_with(&format!("':{name} -- "))
                || trimmed.starts_with(&format!("':{name}:"))
        }) || (ids.options.iter().any(|o| {
            trimmed.starts_with(&format!("'{o}=")) || trimmed.starts_with(&format!("'{o}+"))
        }) && line.contains(":ID:"));
        let release_flags = ids.release_options.iter().map(|(_, flag)| flag);
        let is_release_line = ids
            .release_positional_names
            .iter()
            .any(|name| trimmed.starts_with(&format!("':{name} -- ")))
            || (release_flags.clone().any(|o| {
                trimmed.starts_with(&format!("'{o}=")) || trimmed.starts_with(&format!("'{o}+"))
            }) && line.contains(&format!(":{RELEASE_VALUE}:")));
        if is_id_line && line.contains(":_default'") {
            out.push_str(&line.replacen(":_default'", ":_disclose_case_ids'", 1));
        } else if is_release_line && line.contains(":_default'") {
            out.push_str(&line.replacen(":_default'", ":_disclose_releases'", 1));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

fn fish_ids(ids: &IdArgs) -> String {
    let mut out = String::from(
        "\n# Case IDs from the store: added to the generated script by disclose's docs.rs.\n\
         function __fish_disclose_case_ids\n    \
         command disclose __complete-ids (commandline -ct) 2>/dev/null\n\
         end\n",
    );
    for path in &ids.positional {
        let condition = match path.as_slice() {
            [one] => format!("__fish_disclose_using_subcommand {one}"),
            [first, rest @ ..] => format!(
                "__fish_disclose_using_subcommand {first}; and __fish_seen_subcommand_from {}",
                rest.join(" ")
            ),
            [] => continue,
        };
        out.push_str(&format!(
            "complete -c {BIN} -n \"{condition}\" -f -a \"(__fish_disclose_case_ids)\"\n"
        ));
    }
    for option in &ids.options {
        if let Some(long) = option.strip_prefix("--") {
            out.push_str(&format!(
                "complete -c {BIN} -l {long} -f -r -a \"(__fish_disclose_case_ids)\"\n"
            ));
        }
    }
    out.push_str(&format!(
        "function __fish_disclose_releases\n    \
         command disclose __complete-releases (commandline -ct) 2>/dev/null\n\
         end\n\
         # True when the word being completed is positional $argv[1] (0 for the\n\
         # first) after the subcommand path $argv[2..].\n\
         function __fish_disclose_at_positional\n    \
         set -l valued {valued}\n    \
         set -l words (commandline -opc)\n    \
         set -e words[1]\n    \
         set -l path $argv[2..-1]\n    \
         set -l seen 0\n    \
         set -l skip 0\n    \
         for word in $words\n        \
         if test $skip -eq 1\n            \
         set skip 0\n            \
         continue\n        \
         end\n        \
         if string match -q -- '-*' $word\n            \
         contains -- $word $valued; and set skip 1\n            \
         continue\n        \
         end\n        \
         if test (count $path) -gt 0; and test $word = $path[1]\n            \
         set -e path[1]\n        \
         else if test (count $path) -eq 0\n            \
         set seen (math $seen + 1)\n        \
         else\n            \
         return 1\n        \
         end\n    \
         end\n    \
         test (count $path) -eq 0; and test $seen -eq $argv[1]\n\
         end\n",
        valued = ids.valued.join(" ")
    ));
    for (path, before) in &ids.release_positional {
        out.push_str(&format!(
            "complete -c {BIN} -n \"__fish_disclose_at_positional {before} {}\" -f -a \"(__fish_disclose_releases)\"\n",
            path.join(" ")
        ));
    }
    for (path, option) in &ids.release_options {
        if let Some(long) = option.strip_prefix("--") {
            out.push_str(&format!(
                "complete -c {BIN} -n \"__fish_disclose_using_subcommand {}\" -l {long} -f -r -a \"(__fish_disclose_releases)\"\n",
                path.join(" ")
            ));
        }
    }
    out
}

/// Every man page: `disclose.1` first, then one per subcommand
/// (`disclose-open.1`, `disclose-policy-set.1`, ...), as (file name, roff).
pub fn man_pages(cli: &Command) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    man_walk(&command(cli.clone()), true, &mut pages);
    pages
}

fn man_walk(cmd: &Command, top: bool, pages: &mut Vec<(String, String)>) {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("{BIN} {}", env!("CARGO_PKG_VERSION")))
        .manual("disclose manual");
    let mut buf = Vec::new();
    man.render(&mut buf)
        .expect("rendering to memory cannot fail");
    let mut text = String::from_utf8(buf).expect("roff is UTF-8");
    // clap_mangen files the after-help text under EXTRA; ours holds examples.
    text = text.replace(".SH EXTRA\nExamples:\n", ".SH EXAMPLES\n");
    if top {
        let extra = top_sections().to_roff();
        text = match text.find(".SH VERSION") {
            Some(at) => format!("{}{extra}{}", &text[..at], &text[at..]),
            None => text + &extra,
        };
    }
    pages.push((man.get_filename(), text));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_walk(sub, false, pages);
    }
}

/// The sections only `disclose(1)` carries.
fn top_sections() -> Roff {
    let mut r = Roff::new();
    let para = |r: &mut Roff, text: &str| {
        r.control("PP", []);
        r.text([roman(text)]);
    };
    let item = |r: &mut Roff, term: &str, text: &str| {
        r.control("TP", []);
        r.text([bold(term)]);
        r.text([roman(text)]);
    };
    r.control("SH", ["WORKFLOW"]);
    for text in [
        "A report arrives: disclose open records it as a case and prints its ID. \
         disclose ack ID records the answer to the reporter, which stops the \
         acknowledgement clock.",
        "Triage confirms or rejects the report, records the affected versions, \
         decides for each maintained release whether it needs a fix, and links the \
         fixes as they are prepared and released. Notes, messages to and from the \
         reporter, credits, severity and identifiers are recorded on the case.",
        "The report stays private: disclose describe ID holds the advisory text the \
         maintainers write for the public. disclose publish writes the advisory once \
         nothing is left open and the leak guard finds no private data in it; disclose \
         publish ID --update writes it again after a change, and disclose export \
         renders one file (a case not yet published only as an embargoed --preview).",
        "All the while, disclose status shows every open case with its clocks, and \
         disclose check, run in CI, exits 1 when a case breaks a promise of the policy. \
         disclose policy renders those promises as a SECURITY.md.",
        "A manufacturer under the EU Cyber Resilience Act turns on its reporting with \
         disclose policy set cra on. disclose exploited ID then records when the team \
         became aware that a vulnerability is actively exploited, which starts the \
         Article 14 clocks (early warning in 24 hours, notification in 72 hours, final \
         report 14 days after a fix or mitigation); disclose cra ID drafts each report \
         and the notice to users, and records each submission.",
        "Every change is one commit in the store, a private git repository; the \
         history is the audit trail, and disclose sync shares it with the rest of the team.",
    ] {
        para(&mut r, text);
    }
    r.control("SH", ["ENVIRONMENT"]);
    item(
        &mut r,
        "DISCLOSE_DIR",
        "The case store to use when --dir is not given.",
    );
    item(
        &mut r,
        "DISCLOSE_NOW",
        "The current time (RFC 3339), for tests and to see what will be overdue later.",
    );
    item(
        &mut r,
        "DISCLOSE_AUTHOR_NAME, DISCLOSE_AUTHOR_EMAIL",
        "The commit identity when git configuration gives none.",
    );
    item(
        &mut r,
        "NO_COLOR",
        "Any non-empty value turns color off in --color auto mode.",
    );
    item(
        &mut r,
        "VISUAL, EDITOR",
        "The editor disclose describe ID --edit opens (VISUAL first).",
    );
    r.control("SH", ["FILES"]);
    for (term, text) in [
        (
            "<store>/policy.json",
            "The team's promises: response times, contact, maintained releases.",
        ),
        (
            "<store>/cases/<ID>.json",
            "One case a file, as pretty JSON.",
        ),
        (
            "<store>/advisories/<public id>/",
            "The advisories that disclose publish wrote.",
        ),
        (
            "<store>/attachments/<ID>/",
            "Files that came with a report; private, never exported.",
        ),
        (
            "<store>/templates/<name>.txt",
            "Optional overrides of the reply drafts.",
        ),
        (
            "<store>/.git/disclose/",
            "The summary cache that status and check read (checked, rebuilt when \
             damaged), and the journal of a change in flight, which the next command \
             uses to finish or undo a change that was killed. Never committed.",
        ),
        (
            "<store>/.git/disclose.lock",
            "The store's lock; while held, it names the process, host and start time \
             of its holder.",
        ),
        (
            "~/.config/disclose/config.json",
            "User configuration; its key store names the default store (on Linux; \
             the platform's configuration directory elsewhere).",
        ),
        (
            "~/.local/share/disclose/cases",
            "The store used when no other is named (on Linux; the platform's data \
             directory elsewhere).",
        ),
    ] {
        item(&mut r, term, text);
    }
    r.control("SH", ["EXIT STATUS"]);
    for (code, text) in [
        ("0", "Success."),
        (
            "1",
            "disclose check found a breach of the policy, or an action was refused \
             (for example an impossible state move).",
        ),
        ("2", "Bad usage or bad input; nothing was changed."),
        (
            "3",
            "The store or git failed (for example an unreadable case file).",
        ),
    ] {
        item(&mut r, code, text);
    }
    r.control("SH", ["EXAMPLES"]);
    for line in [
        "disclose init --project poet --contact security@po.et",
        "disclose open --title 'Path traversal in upload' --reporter-email ada@example.org",
        "disclose ack K7Q --draft",
        "disclose status",
        "disclose policy --write SECURITY.md",
        "disclose check --format github",
    ] {
        r.control("PP", []);
        r.control("nf", []);
        r.text([roman(line)]);
        r.control("fi", []);
    }
    r.control("SH", ["SEE ALSO"]);
    r.text([roman(
        "disclose-open(1), disclose-ack(1), disclose-status(1), disclose-policy(1), git(1)",
    )]);
    r
}

/// Every checked-in generated file, as (path below the project root, contents).
pub fn generated_files(cli: &Command) -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = SHELLS
        .iter()
        .map(|&shell| {
            (
                Path::new("completions").join(shell.file_name(BIN)),
                completion(cli, shell),
            )
        })
        .collect();
    files.extend(
        man_pages(cli)
            .into_iter()
            .map(|(name, text)| (Path::new("man").join(name), text)),
    );
    files
}

/// Writes `completions/` and `man/` below `root`, removing generated files
/// that no longer have a source (a renamed subcommand's page).
pub fn write_all(cli: &Command, root: &Path) -> std::io::Result<()> {
    let files = generated_files(cli);
    for dir in ["completions", "man"] {
        let dir = root.join(dir);
        std::fs::create_dir_all(&dir)?;
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let rel = path.strip_prefix(root).unwrap_or(&path);
            if !files.iter().any(|(p, _)| p == rel) {
                std::fs::remove_file(&path)?;
            }
        }
    }
    for (rel, text) in files {
        std::fs::write(root.join(rel), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::{Arg, ArgAction, Command};

    use super::*;

    /// A command with an ID in each place one can be: positional, nested
    /// positional and an option.
    fn sample() -> Command {
        let id = || Arg::new("id").value_name(ID_VALUE).required(true);
        Command::new(BIN)
            .arg(
                Arg::new("dir")
                    .long("dir")
                    .global(true)
                    .action(ArgAction::Set),
            )
            .subcommand(Command::new("ack").arg(id()))
            .subcommand(
                Command::new("reject").arg(id()).arg(
                    Arg::new("duplicate_of")
                        .long("duplicate-of")
                        .value_name(ID_VALUE),
                ),
            )
            .subcommand(Command::new("case").subcommand(Command::new("note").arg(id())))
            .subcommand(Command::new("status"))
    }

    #[test]
    fn id_arguments_are_found_wherever_they_are() {
        let mut cmd = sample();
        cmd.build();
        let ids = IdArgs::of(&cmd);
        assert_eq!(
            ids.positional,
            [
                vec!["ack".to_owned()],
                vec!["reject".to_owned()],
                vec!["case".to_owned(), "note".to_owned()]
            ]
        );
        assert_eq!(ids.options, ["--duplicate-of"]);
        assert!(ids.valued.contains(&"--dir".to_owned()));
    }

    #[test]
    fn zsh_script_defines_the_helper_before_running_and_uses_it_for_ids() {
        let script = completion_for(sample(), Shell::Zsh);
        let helper = script.find("_disclose_case_ids() {").unwrap();
        let dispatch = script
            .find("if [ \"$funcstack[1]\" = \"_disclose\" ]")
            .unwrap();
        assert!(helper < dispatch);
        assert_eq!(
            script.matches(":_disclose_case_ids'").count(),
            4,
            "{script}"
        );
    }

    #[test]
    fn fish_script_completes_ids_for_each_id_argument() {
        let script = completion_for(sample(), Shell::Fish);
        for line in [
            "-n \"__fish_disclose_using_subcommand ack\" -f -a \"(__fish_disclose_case_ids)\"",
            "__fish_disclose_using_subcommand case; and __fish_seen_subcommand_from note",
            "-l duplicate-of -f -r -a \"(__fish_disclose_case_ids)\"",
        ] {
            assert!(script.contains(line), "{line} missing from\n{script}");
        }
    }
}
