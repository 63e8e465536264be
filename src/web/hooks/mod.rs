//! Reusable behaviour of the app shell: the keys, files dropped on the page, the phone's
//! list position, and the saved highlight toggles.

pub mod use_file_drop;
pub mod use_highlights;
pub mod use_list_scroll;
pub mod use_move_keys;
pub mod use_type_toggles;
