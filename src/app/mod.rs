//! What a running command stands on: the environment, the store's location,
//! the clock, the printer, prompts, and the context handed to every verb.

pub mod clock;
pub mod context;
pub mod editor;
pub mod env;
pub mod input;
pub mod paths;
pub mod table;
pub mod terminal;
pub mod ui;
