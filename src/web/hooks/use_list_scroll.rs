//! On a phone, the list view's scroll position is kept while the reader is open and given
//! back when the list returns.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::web::browser::screen::is_phone;
use crate::web::navigation::{forget_list_exit, keep_list_scroll, list_scroll};

#[hook]
pub fn use_list_scroll(list_view: bool) {
    use_effect_with(list_view, |&list_view| {
        let window = gloo::utils::window();
        let listener = list_view.then(|| {
            if is_phone() {
                window.scroll_to_with_x_and_y(0.0, list_scroll());
            }
            EventListener::new(&window, "scroll", |_| {
                if is_phone() {
                    keep_list_scroll(gloo::utils::window().scroll_y().unwrap_or(0.0));
                }
            })
        });
        if list_view {
            forget_list_exit();
        }
        move || drop(listener)
    });
}
