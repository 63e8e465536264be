//! The one tooltip of the article body: a mention's type, canonical name and how often it
//! occurs across all articles. It keeps its own state, so showing it never re-renders the
//! article (which can be megabytes long); the body hands it mentions through `TipHandle`.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::web::context::Shared;

/// A mention to describe and where to draw it, relative to the body.
#[derive(Clone, PartialEq, Debug)]
pub struct Tip {
    pub article: usize,
    pub mention: usize,
    pub top: f64,
    pub left: f64,
}

/// How the body shows and hides the tooltip without re-rendering itself.
#[derive(Clone, Default)]
pub struct TipHandle(Rc<RefCell<Option<Callback<Option<Tip>>>>>);

impl PartialEq for TipHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl TipHandle {
    pub fn set(&self, tip: Option<Tip>) {
        if let Some(cb) = self.0.borrow().as_ref() {
            cb.emit(tip);
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct EntityTipProps {
    pub handle: TipHandle,
}

#[function_component(EntityTip)]
pub fn entity_tip(props: &EntityTipProps) -> Html {
    let Shared { library, index, .. } = use_context::<Shared>().expect("library context");
    let tip = use_state(|| None::<Tip>);
    {
        let (handle, tip) = (props.handle.clone(), tip.clone());
        use_effect_with((), move |_| {
            *handle.0.borrow_mut() = Some(Callback::from(move |t: Option<Tip>| tip.set(t)));
        });
    }
    let content = (*tip).as_ref().and_then(|t| {
        let ann = &library.articles.get(t.article)?.annotation;
        let e = &ann.entities[ann.mentions.get(t.mention)?.entity];
        let entry = index.get(&e.id)?;
        let (n, articles) = (entry.mentions.len(), entry.article_count());
        let where_ = if articles == 1 { "in 1 article".to_string() } else { format!("in {articles} articles") };
        Some(html! {
            <>
                <span class={classes!("tip-type", format!("ent-{}", e.ty.as_str()))}>{ e.ty.label() }</span>
                <strong class="tip-name">{ entry.name.clone() }</strong>
                <span class="tip-count">{ format!("{n} mention{} {where_}", if n == 1 { "" } else { "s" }) }</span>
            </>
        })
    });
    // positioned through the CSSOM: the Content-Security-Policy forbids style attributes
    let tip_ref = use_node_ref();
    {
        let tip_ref = tip_ref.clone();
        use_effect_with((*tip).clone(), move |tip| {
            if let (Some(t), Some(el)) = (tip, tip_ref.cast::<HtmlElement>()) {
                let style = el.style();
                let _ = style.set_property("top", &format!("{}px", t.top as i32));
                let _ = style.set_property("left", &format!("{}px", t.left as i32));
            }
        });
    }
    html! {
        <div id="entity-tip" role="tooltip" class="tip" data-testid="entity-tip" hidden={content.is_none()} ref={tip_ref}>
            { content.unwrap_or_default() }
        </div>
    }
}
