
use builtin;
use str;

set edit:completion:arg-completer[disclose] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'disclose'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'disclose'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a case store and its policy'
            cand open 'Open a case for a new vulnerability report'
            cand ack 'Record the acknowledgement of a report'
            cand show 'Show one case in full'
            cand status 'List open cases and their clocks'
            cand log 'Show a case''s timeline'
            cand policy 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or write every page to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;init'= {
            cand --project 'Project name, used in advisory IDs and the rendered SECURITY.md'
            cand --contact 'Where reporters write, e.g. security@example.org'
            cand --id-prefix 'Prefix of case IDs'
            cand --ack-within 'Answer new reports within this long (48h, 2bd, ...)'
            cand --update-every 'Update the reporter at least this often'
            cand --disclose-within 'Publish within this long of receiving a report'
            cand --release 'A maintained release as NAME=REQ, e.g. 1.4=''>=1.4.0, <1.5.0'' (repeatable)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --allow-nested 'Create the store even inside another git repository''s work tree'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;open'= {
            cand --title 'One-line summary of the problem'
            cand --reporter-name 'Reporter''s name (as they want to be credited)'
            cand --reporter-email 'Reporter''s email (private: never exported)'
            cand --reporter-handle 'Reporter''s handle, e.g. a GitHub user name'
            cand --received 'When the report arrived (RFC 3339 or YYYY-MM-DD; default: now)'
            cand --description 'What the reporter found'
            cand --description-file 'Read the description from a file, or from stdin with `-`'
            cand --reproduction 'Steps to reproduce'
            cand --impact 'What an attacker gains'
            cand --remediation 'Suggested fix or workaround'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;ack'= {
            cand --at 'When the reply was sent (RFC 3339; default: now)'
            cand --reason 'Why the move was forced (with --force)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --force 'Acknowledge even if the state does not allow it (recorded as an event)'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;show'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;status'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --all 'Include closed cases (published, rejected, withdrawn)'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;log'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy'= {
            cand --write 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)'
            cand --check 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print the policy'
            cand set 'Change one key of the policy'
            cand release 'Add or remove a maintained release'
            cand render 'Print the SECURITY.md rendered from the policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;show'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;set'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;release'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;release;add'= {
            cand --range 'Versions of the release line, as a semver requirement'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;release;remove'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;release;help'= {
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;release;help;add'= {
        }
        &'disclose;policy;release;help;remove'= {
        }
        &'disclose;policy;release;help;help'= {
        }
        &'disclose;policy;render'= {
            cand --write 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)'
            cand --check 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;help'= {
            cand show 'Print the policy'
            cand set 'Change one key of the policy'
            cand release 'Add or remove a maintained release'
            cand render 'Print the SECURITY.md rendered from the policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;help;show'= {
        }
        &'disclose;policy;help;set'= {
        }
        &'disclose;policy;help;release'= {
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
        }
        &'disclose;policy;help;release;add'= {
        }
        &'disclose;policy;help;release;remove'= {
        }
        &'disclose;policy;help;render'= {
        }
        &'disclose;policy;help;help'= {
        }
        &'disclose;completions'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;man'= {
            cand --out 'Write all pages into this directory instead of printing the top one'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;help'= {
            cand init 'Create a case store and its policy'
            cand open 'Open a case for a new vulnerability report'
            cand ack 'Record the acknowledgement of a report'
            cand show 'Show one case in full'
            cand status 'List open cases and their clocks'
            cand log 'Show a case''s timeline'
            cand policy 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or write every page to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;help;init'= {
        }
        &'disclose;help;open'= {
        }
        &'disclose;help;ack'= {
        }
        &'disclose;help;show'= {
        }
        &'disclose;help;status'= {
        }
        &'disclose;help;log'= {
        }
        &'disclose;help;policy'= {
            cand show 'Print the policy'
            cand set 'Change one key of the policy'
            cand release 'Add or remove a maintained release'
            cand render 'Print the SECURITY.md rendered from the policy'
        }
        &'disclose;help;policy;show'= {
        }
        &'disclose;help;policy;set'= {
        }
        &'disclose;help;policy;release'= {
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
        }
        &'disclose;help;policy;release;add'= {
        }
        &'disclose;help;policy;release;remove'= {
        }
        &'disclose;help;policy;render'= {
        }
        &'disclose;help;completions'= {
        }
        &'disclose;help;man'= {
        }
        &'disclose;help;help'= {
        }
    ]
    $completions[$command]
}
