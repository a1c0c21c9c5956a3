//! Reusable view pieces.

mod stage_list;

pub use stage_list::StageList;
