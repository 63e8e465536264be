//! The cleaned article body: standfirst, paragraphs, cross-heads and captions, then notes,
//! each a `BlockView`. A long article (imports can be megabytes) is shown in windows: the
//! first 60 KB at once, more as the reader nears the end (or presses "Show more"), so
//! opening it never freezes the page. A mention or district named in the address is always
//! inside the window. One shared tooltip (hover or keyboard focus) describes mentions.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

use crate::model::cleaned::Block;
use crate::model::prefs::TypeToggles;
use crate::model::segments::HEADER_SEGMENTS;
use crate::web::components::block_view::BlockView;
use crate::web::components::entity_tip::{EntityTip, Tip, TipHandle};
use crate::web::context::Shared;

/// Text shown when an article opens (about 10,000 words), and added at each step; whole
/// blocks, at least one more each time.
const FIRST_BYTES: usize = 60_000;
const MORE_BYTES: usize = 120_000;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// Index of the article in the library.
    pub article: usize,
    pub toggles: TypeToggles,
    /// Mentions of this district (or of places in it) are marked in their own style.
    pub district: Option<String>,
    /// The search: its words are highlighted.
    pub query: String,
    /// A mention the reader is sent to: its block is shown.
    pub mention: Option<usize>,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let body_ref = use_node_ref();
    let more_ref = use_node_ref();
    let tip = use_memo((), |_| TipHandle::default());
    let window = use_state(|| FIRST_BYTES);
    let Some(article) = library.articles.get(props.article) else { return Html::default() };
    let ann = &article.annotation;
    let blocks = &article.body.blocks;

    // the block of the mention asked for, and of the chosen district's first mention
    let block_of = |i: usize| ann.mentions.get(i).map(|m| m.segment.saturating_sub(HEADER_SEGMENTS));
    let district_first = props.district.as_deref().and_then(|d| {
        ann.mentions.iter().position(|m| m.segment >= HEADER_SEGMENTS && ann.entities[m.entity].district == Some(d))
    });
    let needed = props
        .mention
        .and_then(block_of)
        .into_iter()
        .chain(district_first.and_then(block_of))
        .max()
        .map_or(0, |b| b + 20);
    let mut end = 0;
    let mut bytes = 0;
    while end < blocks.len() && (end == 0 || bytes + blocks[end].text().len() <= *window) {
        bytes += blocks[end].text().len();
        end += 1;
    }
    let end = end.max(needed).min(blocks.len());
    let left = blocks.len() - end;
    let shown: usize = blocks[..end].iter().map(|b| b.text().len()).sum();
    let next = shown + MORE_BYTES;

    // more blocks when the end comes near (1,500 px ahead), as well as on the button
    {
        let (more_ref, window) = (more_ref.clone(), window.clone());
        use_effect_with((end, left, next), move |&(_, left, next)| {
            let mut observer = None;
            if let (true, Some(el)) = (left > 0, more_ref.cast::<Element>()) {
                let grow = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting()) {
                        window.set(next);
                    }
                });
                let init = IntersectionObserverInit::new();
                init.set_root_margin("1500px");
                if let Ok(o) = IntersectionObserver::new_with_options(grow.as_ref().unchecked_ref(), &init) {
                    o.observe(&el);
                    observer = Some((o, grow));
                }
            }
            move || {
                if let Some((o, _)) = observer {
                    o.disconnect();
                }
            }
        });
    }
    let show_more = {
        let window = window.clone();
        Callback::from(move |_| window.set(next))
    };

    let view = |i: usize| {
        html! { <BlockView key={i} article={props.article} block={i} toggles={props.toggles} district={props.district.clone()} query={props.query.clone()} /> }
    };
    let body = (0..end).filter(|&i| !matches!(blocks[i], Block::Note(_))).map(view);
    let notes: Vec<Html> = if left == 0 {
        (0..end).filter(|&i| matches!(blocks[i], Block::Note(_))).map(view).collect()
    } else {
        Vec::new()
    };

    // event delegation: the mark under the pointer or focus shows the tooltip
    let show = {
        let (tip, body_ref, article) = (tip.clone(), body_ref.clone(), props.article);
        move |target: Option<web_sys::EventTarget>| {
            let mark = target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("mark[data-mention]").ok().flatten());
            let (Some(mark), Some(body)) = (mark, body_ref.cast::<HtmlElement>()) else { return tip.set(None) };
            let Some(mention) = mark.get_attribute("data-mention").and_then(|m| m.parse().ok()) else { return };
            let (r, b) = (mark.get_bounding_client_rect(), body.get_bounding_client_rect());
            tip.set(Some(Tip {
                article,
                mention,
                top: r.bottom() - b.top() + 6.0,
                left: (r.left() - b.left()).max(0.0),
            }));
        }
    };
    let onmouseover = {
        let show = show.clone();
        Callback::from(move |e: MouseEvent| show(e.target()))
    };
    let onfocusin = Callback::from(move |e: FocusEvent| show(e.target()));
    let hide = {
        let tip = tip.clone();
        Callback::from(move |_: Event| tip.set(None))
    };

    html! {
        <div class="body" data-testid="article-body" ref={body_ref}
             {onmouseover} {onfocusin} onmouseleave={hide.reform(|e: MouseEvent| e.into())} onfocusout={hide.reform(|e: FocusEvent| e.into())}>
            { for body }
            if left > 0 {
                <div class="more" ref={more_ref}>
                    <button class="button" onclick={show_more} data-testid="show-more">
                        { format!("Show more ({left} more paragraph{})", if left == 1 { "" } else { "s" }) }
                    </button>
                </div>
            }
            if !notes.is_empty() {
                <aside class="notes" aria-label="About the source">{ for notes }</aside>
            }
            <EntityTip handle={(*tip).clone()} />
        </div>
    }
}
