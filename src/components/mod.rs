//! Yew components: they render props and dispatch actions, and decide nothing.

pub mod app;
pub mod chooser;
pub mod compare;
pub mod context;
pub mod criteria_history;
pub mod detail;
pub mod diagram;
pub mod embed_code;
pub mod export;
pub mod filters;
pub mod icon;
pub mod matrix;
pub mod networks;
pub mod note;
pub mod picker;
pub mod row;
pub mod windowing;
