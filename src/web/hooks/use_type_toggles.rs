//! Which entity types are highlighted, saved in the browser as the legend's toggles change;
//! saved settings that cannot be read give the defaults and a message saying so.

use yew::prelude::*;

use crate::model::entity::EntityType;
use crate::model::prefs::{TypeToggles, TYPES_KEY};

/// The saved highlight toggles, or the defaults and a message saying what was unreadable.
fn load() -> (TypeToggles, Option<String>) {
    let saved = gloo::utils::window().local_storage().ok().flatten().and_then(|s| s.get_item(TYPES_KEY).ok().flatten());
    match saved.map(|s| TypeToggles::decode(&s)) {
        None => (TypeToggles::default(), None),
        Some(Ok(t)) => (t, None),
        Some(Err(e)) => (
            TypeToggles::default(),
            Some(format!("Your saved highlight settings could not be read ({e}), so all types are shown.")),
        ),
    }
}

/// The toggles, the callback that flips one (and saves the choice), and the message about
/// unreadable saved settings, if any.
#[hook]
pub fn use_type_toggles() -> (TypeToggles, Callback<EntityType>, Option<String>) {
    let loaded = use_memo((), |_| load());
    let toggles = use_state(|| loaded.0);
    {
        // toggles restored from an "everything" file take effect at once
        let toggles = toggles.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(
                &gloo::utils::window(),
                crate::web::hooks::use_highlights::TOGGLES_CHANGED,
                move |_| toggles.set(load().0),
            );
            move || drop(listener)
        });
    }
    let on_toggle = {
        let toggles = toggles.clone();
        Callback::from(move |ty: EntityType| {
            let next = toggles.toggled(ty);
            if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
                let _ = storage.set_item(TYPES_KEY, &next.encode());
            }
            toggles.set(next);
        })
    };
    (*toggles, on_toggle, loaded.1.clone())
}
