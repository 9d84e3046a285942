use std::process::ExitCode;

fn main() -> ExitCode {
    match disclose::parse() {
        Ok(cli) => disclose::main(cli),
        Err(code) => code,
    }
}
