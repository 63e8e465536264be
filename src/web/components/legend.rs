//! The legend: one toggle per entity type, in the style of its highlights.

use yew::prelude::*;

use crate::model::entity::EntityType;
use crate::model::prefs::TypeToggles;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub toggles: TypeToggles,
    pub on_toggle: Callback<EntityType>,
}

#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let items = EntityType::ALL.into_iter().map(|ty| {
        let on = props.toggles.shows(ty);
        let onclick = props.on_toggle.reform(move |_| ty);
        html! {
            <button class={classes!("legend-item", format!("ent-{}", ty.as_str()), (!on).then_some("off"))}
                    aria-pressed={on.to_string()} data-testid="legend-toggle" data-entity-type={ty.as_str()}
                    title={format!("{} highlights of {}", if on { "Hide" } else { "Show" }, ty.plural().to_ascii_lowercase())} {onclick}>
                <span class="swatch" aria-hidden="true"></span>{ ty.label() }
            </button>
        }
    });
    html! { <div class="legend" role="group" aria-label="Highlighted types" data-testid="legend">{ for items }</div> }
}
