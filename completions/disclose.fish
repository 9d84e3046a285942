# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_disclose_global_optspecs
    string join \n dir= json no-input q/quiet color= h/help V/version
end

function __fish_disclose_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_disclose_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_disclose_using_subcommand
    set -l cmd (__fish_disclose_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c disclose -n "__fish_disclose_needs_command" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_needs_command" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_needs_command" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_needs_command" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_needs_command" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_needs_command" -s h -l help -d 'Print help'
complete -c disclose -n "__fish_disclose_needs_command" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "init" -d 'Create a case store and its policy'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "open" -d 'Open a case for a new vulnerability report'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "ack" -d 'Record the acknowledgement of a report'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "show" -d 'Show one case in full'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "status" -d 'List open cases and their clocks'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "log" -d 'Show a case\'s timeline'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "policy" -d 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "man" -d 'Print the man page, or write every page to a directory'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand init" -l project -d 'Project name, used in advisory IDs and the rendered SECURITY.md' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l contact -d 'Where reporters write, e.g. security@example.org' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l id-prefix -d 'Prefix of case IDs' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l ack-within -d 'Answer new reports within this long (48h, 2bd, ...)' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l update-every -d 'Update the reporter at least this often' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l disclose-within -d 'Publish within this long of receiving a report' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l release -d 'A maintained release as NAME=REQ, e.g. 1.4=\'>=1.4.0, <1.5.0\' (repeatable)' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand init" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand init" -l allow-nested -d 'Create the store even inside another git repository\'s work tree'
complete -c disclose -n "__fish_disclose_using_subcommand init" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand init" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand init" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand init" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand open" -l title -d 'One-line summary of the problem' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reporter-name -d 'Reporter\'s name (as they want to be credited)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reporter-email -d 'Reporter\'s email (private: never exported)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reporter-handle -d 'Reporter\'s handle, e.g. a GitHub user name' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l received -d 'When the report arrived (RFC 3339 or YYYY-MM-DD; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l description -d 'What the reporter found' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l description-file -d 'Read the description from a file, or from stdin with `-`' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reproduction -d 'Steps to reproduce' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l impact -d 'What an attacker gains' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l remediation -d 'Suggested fix or workaround' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand open" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand open" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand open" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand open" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand open" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l at -d 'When the reply was sent (RFC 3339; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l reason -d 'Why the move was forced (with --force)' -r
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l force -d 'Acknowledge even if the state does not allow it (recorded as an event)'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand show" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand show" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand show" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand show" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand show" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand show" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand status" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand status" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand status" -l all -d 'Include closed cases (published, rejected, withdrawn)'
complete -c disclose -n "__fish_disclose_using_subcommand status" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand status" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand status" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand status" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand log" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand log" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand log" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand log" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand log" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand log" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l write -d 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l check -d 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "show" -d 'Print the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "set" -d 'Change one key of the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "release" -d 'Add or remove a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "render" -d 'Print the SECURITY.md rendered from the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -f -a "add" -d 'Add a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -f -a "remove" -d 'Stop maintaining a release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l write -d 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l check -d 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one key of the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "release" -d 'Add or remove a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "render" -d 'Print the SECURITY.md rendered from the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand man" -l out -d 'Write all pages into this directory instead of printing the top one' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand man" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand man" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand man" -l json -d 'Print machine-readable JSON instead of text'
complete -c disclose -n "__fish_disclose_using_subcommand man" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand man" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand man" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "init" -d 'Create a case store and its policy'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "open" -d 'Open a case for a new vulnerability report'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "ack" -d 'Record the acknowledgement of a report'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "show" -d 'Show one case in full'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "status" -d 'List open cases and their clocks'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "log" -d 'Show a case\'s timeline'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "policy" -d 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "man" -d 'Print the man page, or write every page to a directory'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open ack show status log policy completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Print the policy'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Change one key of the policy'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "release" -d 'Add or remove a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "render" -d 'Print the SECURITY.md rendered from the policy'

# Case IDs from the store: added to the generated script by disclose's docs.rs.
function __fish_disclose_case_ids
    command disclose __complete-ids (commandline -ct) 2>/dev/null
end
complete -c disclose -n "__fish_disclose_using_subcommand ack" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand show" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand log" -f -a "(__fish_disclose_case_ids)"
