//! The search box. It keeps what is typed, spaces included, while the address holds the
//! trimmed query; the first keystroke of an edit adds a history entry and the next ones
//! replace it, so Back undoes a search in one step without skipping the step before it.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::filters::Filters;
use crate::web::context::OnFilters;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub filters: Filters,
    pub on_change: OnFilters,
}

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let text = use_state(|| props.filters.query.clone());
    // the address our last keystroke wrote: while the address still says it, the next
    // keystroke replaces that entry instead of adding one
    let written: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    {
        // the address changed by something else (Back, "Clear filters", a link): show it
        let text = text.clone();
        use_effect_with(props.filters.query.clone(), move |q| {
            if q.trim() != text.trim() {
                text.set(q.clone());
            }
        });
    }
    let oninput = {
        let (f, on_change, text, written) =
            (props.filters.clone(), props.on_change.clone(), text.clone(), written.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(value.clone());
            let next = Filters { query: value, ..f.clone() };
            let replace = written.borrow().as_deref() == Some(f.encode().as_str());
            *written.borrow_mut() = Some(next.encode());
            on_change.emit((next, replace));
        })
    };
    let onkeydown = {
        let (f, on_change, text) = (props.filters.clone(), props.on_change.clone(), text.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && !text.is_empty() {
                text.set(String::new());
                if !f.query.is_empty() {
                    on_change.emit((Filters { query: String::new(), ..f.clone() }, false));
                }
            }
        })
    };
    html! {
        <div class="search">
            <label for="search" class="search-label">{"Search the articles"}</label>
            <input id="search" type="search" data-testid="search" placeholder="Words, or \"a phrase\"  ( / )"
                   value={(*text).clone()} {oninput} {onkeydown} autocomplete="off" spellcheck="false" />
        </div>
    }
}
