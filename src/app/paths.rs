//! Where the case store is: `--dir`, then `$DISCLOSE_DIR`, then the user
//! config file's `store`, then the user data directory.

use std::fmt;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::{Deserialize, Serialize};

use crate::app::env::Env;
use crate::error::{Error, Result};

/// Which rule chose the store, so first-use messages can say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreSource {
    Flag,
    Env,
    UserConfig(PathBuf),
    Default,
}

impl fmt::Display for StoreSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flag => f.write_str("from --dir"),
            Self::Env => f.write_str("from $DISCLOSE_DIR"),
            Self::UserConfig(path) => write!(f, "from {}", path.display()),
            Self::Default => f.write_str("the default location"),
        }
    }
}

/// The user config file (`config.json` in the user config directory).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct UserConfig {
    /// The store to use when neither --dir nor $DISCLOSE_DIR is given.
    pub store: Option<PathBuf>,
}

fn project_dirs() -> Result<ProjectDirs> {
    ProjectDirs::from("", "", "disclose").ok_or_else(|| {
        Error::store("cannot find a home directory for the default case store")
            .with_hint("pass --dir PATH or set DISCLOSE_DIR")
    })
}

/// The path of the user config file.
pub fn user_config_path() -> Result<PathBuf> {
    Ok(project_dirs()?.config_dir().join("config.json"))
}

pub fn read_user_config(path: &Path) -> Result<UserConfig> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| Error::bad_file(path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(UserConfig::default()),
        Err(e) => Err(Error::io(format!("read {}", path.display()), e)),
    }
}

/// Resolves the store location and the rule that chose it.
pub fn resolve_store(flag: Option<&Path>, env: &Env) -> Result<(PathBuf, StoreSource)> {
    if let Some(path) = flag {
        return Ok((path.to_path_buf(), StoreSource::Flag));
    }
    if let Some(path) = &env.dir {
        return Ok((path.clone(), StoreSource::Env));
    }
    let dirs = project_dirs()?;
    let config = dirs.config_dir().join("config.json");
    if let Some(store) = read_user_config(&config)?.store {
        return Ok((store, StoreSource::UserConfig(config)));
    }
    Ok((dirs.data_dir().join("cases"), StoreSource::Default))
}

/// Sets `store` in the user config file, keeping its other keys.
pub fn set_user_store(path: &Path, store: &Path) -> Result<()> {
    let mut config = match std::fs::read(path) {
        Ok(bytes) => match serde_json::from_slice(&bytes).map_err(|e| Error::bad_file(path, e))? {
            serde_json::Value::Object(map) => map,
            _ => {
                return Err(Error::store(format!(
                    "{}: expected a JSON object",
                    path.display()
                )));
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => serde_json::Map::new(),
        Err(e) => return Err(Error::io(format!("read {}", path.display()), e)),
    };
    config.insert("store".to_owned(), serde_json::json!(store));
    let dir = path.parent().expect("the config file has a directory");
    let fail = |e| Error::io(format!("write {}", path.display()), e);
    // It says where the private store is: private too.
    crate::store::create_out_dir(dir, crate::store::Visibility::Private).map_err(fail)?;
    let mut bytes = serde_json::to_vec_pretty(&config).expect("JSON values serialise");
    bytes.push(b'\n');
    crate::store::write_out(path, &bytes, crate::store::Visibility::Private).map_err(fail)
}
