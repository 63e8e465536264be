//! Thin UI components: each renders part of the core's state.

pub mod article_actions;
pub mod article_list;
pub mod article_meta;
pub mod article_view;
pub mod block_view;
pub mod district_sentences;
pub mod district_table;
pub mod district_timeline;
pub mod entity_panel;
pub mod entity_tip;
pub mod figures_panel;
pub mod filter_panel;
pub mod highlight_editor;
pub mod import_controls;
pub mod import_report;
pub mod legend;
pub mod notes_panel;
pub mod reader;
pub mod search_box;
pub mod source_filter;
