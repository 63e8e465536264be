//! The reader's highlights, kept in the browser's local storage as they are made (they
//! survive reloads, offline use and new versions of the app). Saved highlights that cannot
//! be read are kept aside under another key, never written over, and the page says so.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::highlight::{Change, Highlights};
use crate::prepared::highlights::{decode_highlights, encode_highlights};

pub const HIGHLIGHTS_KEY: &str = "helmand-reader/highlights/v1";
const DAMAGED_KEY: &str = "helmand-reader/highlights/damaged";

/// The highlights, how to change them, and what went wrong with the saved ones.
#[derive(Clone, PartialEq)]
pub struct HighlightsContext {
    pub highlights: Rc<Highlights>,
    pub change: Callback<Change>,
    /// The id of the highlight made last (its note is what `n` opens).
    pub last: Option<String>,
    pub problem: Option<String>,
    /// What the last "everything" file added: "everything.json: 3 highlights added …".
    pub merged: Option<String>,
    /// Dismisses `merged`.
    pub dismiss: Callback<()>,
}

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn load() -> (Highlights, Option<String>) {
    let Some(saved) = storage().and_then(|s| s.get_item(HIGHLIGHTS_KEY).ok().flatten()) else {
        return (Highlights::default(), None);
    };
    match decode_highlights(&saved) {
        Ok(h) => (h, None),
        Err(why) => {
            let kept = storage().is_some_and(|s| s.set_item(DAMAGED_KEY, &saved).is_ok());
            let kept = if kept {
                format!(" They are kept as they were under “{DAMAGED_KEY}” in this browser's storage.")
            } else {
                String::new()
            };
            (Highlights::default(), Some(format!("Your saved highlights could not be read ({why}).{kept}")))
        }
    }
}

/// The highlights as a reducer: each change is applied to the latest state (changes made
/// faster than the page re-renders are all kept) and saved at once.
#[derive(PartialEq)]
struct State {
    highlights: Rc<Highlights>,
    last: Option<String>,
    problem: Option<String>,
    merged: Option<String>,
}

/// A change, or the merge message dismissed.
enum Action {
    Change(Change),
    Dismiss,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let change = match action {
            Action::Change(c) => c,
            Action::Dismiss => {
                return Rc::new(State {
                    highlights: self.highlights.clone(),
                    last: self.last.clone(),
                    problem: self.problem.clone(),
                    merged: None,
                });
            }
        };
        let merged = match &change {
            Change::Merge { from, highlights, unreadable, toggles } => {
                let mut probe = (*self.highlights).clone();
                let added = probe.merge((**highlights).clone());
                let mut text = format!(
                    "{from}: {} added, {} already here.",
                    crate::text::wording::count(added, "highlight"),
                    highlights.items.len() - added
                );
                if *unreadable > 0 {
                    text.push_str(&format!(
                        " {} could not be read and {} left out.",
                        crate::text::wording::count(*unreadable, "highlight"),
                        if *unreadable == 1 { "was" } else { "were" }
                    ));
                }
                if let Some(t) = toggles {
                    text.push_str(restore_toggles(t));
                }
                Some(text)
            }
            _ => self.merged.clone(),
        };
        let mut next = (*self.highlights).clone();
        let added = next.apply(change);
        let saved = storage().map(|s| s.set_item(HIGHLIGHTS_KEY, &encode_highlights(&next)));
        let problem = match saved {
            Some(Ok(())) => self.problem.clone(),
            _ => Some("Your highlights could not be saved in this browser (its storage is full or off): export them to keep them.".into()),
        };
        if added.is_some() && self.highlights.items.is_empty() {
            // the first highlight: ask the browser to keep the site's data for good
            wasm_bindgen_futures::spawn_local(async {
                crate::web::browser::persist::persist().await;
            });
        }
        Rc::new(State { highlights: Rc::new(next), last: added.or_else(|| self.last.clone()), problem, merged })
    }
}

/// The file's highlight toggles, restored when this browser has none of its own (the
/// reader's own choice is never overwritten); what the report says of them.
fn restore_toggles(saved: &str) -> &'static str {
    use crate::model::prefs::{TypeToggles, TYPES_KEY};
    let Some(s) = storage() else { return "" };
    if s.get_item(TYPES_KEY).ok().flatten().is_some() {
        return " This browser's own highlight settings were kept.";
    }
    if TypeToggles::decode(saved).is_err() || s.set_item(TYPES_KEY, saved).is_err() {
        return " Its highlight settings could not be read.";
    }
    if let Ok(e) = web_sys::Event::new(TOGGLES_CHANGED) {
        let _ = gloo::utils::window().dispatch_event(&e);
    }
    " Its highlight settings were restored."
}

/// Fired on the window when saved highlight toggles change outside the legend.
pub const TOGGLES_CHANGED: &str = "helmand-reader:toggles";

#[hook]
pub fn use_highlights() -> HighlightsContext {
    let state = use_reducer(|| {
        let (highlights, problem) = load();
        State { highlights: Rc::new(highlights), last: None, problem, merged: None }
    });
    // one callback for the page's life: the context changes only when the highlights do
    let change = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callback::from(move |c: Change| dispatcher.dispatch(Action::Change(c))))
    };
    let dismiss = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callback::from(move |_: ()| dispatcher.dispatch(Action::Dismiss)))
    };
    HighlightsContext {
        merged: state.merged.clone(),
        dismiss: (*dismiss).clone(),
        highlights: state.highlights.clone(),
        change: (*change).clone(),
        last: state.last.clone(),
        problem: state.problem.clone(),
    }
}
