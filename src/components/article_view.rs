//! The cleaned article body with its entities highlighted: standfirst, paragraphs,
//! cross-heads, captions, then notes. All text goes into text nodes: nothing in an article
//! is ever parsed as HTML. One shared tooltip (hover or keyboard focus) tells a mention's
//! type, canonical name and how often it occurs across all articles.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::app::Shared;
use crate::clean::Block;
use crate::document::block_segment;
use crate::entity_index::pieces;
use crate::prefs::TypeToggles;
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// Index of the article in the library.
    pub article: usize,
    pub toggles: TypeToggles,
    /// Mentions of this district (or of places in it) are marked in their own style.
    pub district: Option<String>,
    /// The search: its words are highlighted.
    pub query: String,
}

/// `text` (starting at byte `offset` of its segment) with the search hits marked.
fn with_hits(text: &str, offset: usize, hits: &[(usize, usize)]) -> Html {
    let end = offset + text.len();
    let mut out: Vec<Html> = Vec::new();
    let mut at = offset;
    for &(s, e) in hits.iter().filter(|(s, e)| *e > offset && *s < end) {
        let (s, e) = (s.max(at), e.min(end));
        if s > at {
            out.push(html! { { &text[at - offset..s - offset] } });
        }
        out.push(html! { <mark class="hit" data-testid="search-hit">{ &text[s - offset..e - offset] }</mark> });
        at = e;
    }
    if at < end {
        out.push(html! { { &text[at - offset..] } });
    }
    html! { { for out } }
}

/// The tooltip's mention and where to draw it, relative to the body.
#[derive(Clone, PartialEq)]
struct Tip {
    mention: usize,
    top: f64,
    left: f64,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let Shared { library, index, .. } = use_context::<Shared>().expect("library context");
    let body_ref = use_node_ref();
    let tip = use_state(|| None::<Tip>);
    let Some(article) = library.articles.get(props.article) else { return Html::default() };
    let ann = &article.annotation;

    // mentions of each segment, as (start, end, mention index), for shown types only
    let mut by_segment: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); block_segment(article.body.blocks.len())];
    let district = props.district.as_deref();
    let in_district = |e: &crate::entities::Entity| district.is_some() && e.district == district;
    for (i, m) in ann.mentions.iter().enumerate() {
        let e = &ann.entities[m.entity];
        if props.toggles.shows(e.ty) || in_district(e) {
            if let Some(list) = by_segment.get_mut(m.segment) {
                list.push((m.start, m.end, i));
            }
        }
    }
    let query = Query::parse(&props.query);
    let render_text = |segment: usize, text: &str| -> Html {
        let hits = query.hits(text);
        let parts = pieces(text, by_segment.get(segment).map_or(&[][..], |v| v.as_slice()));
        html! {
            { for parts.into_iter().map(|(t, m)| {
                let offset = t.as_ptr() as usize - text.as_ptr() as usize;
                match m {
                    None => with_hits(t, offset, &hits),
                    Some(i) => {
                        let e = &ann.entities[ann.mentions[i].entity];
                        let here = in_district(e);
                        html! {
                            <mark class={classes!("ent", format!("ent-{}", e.ty.as_str()), here.then_some("in-district"))}
                                  data-entity-type={e.ty.as_str()} data-entity-id={e.id.clone()}
                                  data-district={here.then(|| e.district.unwrap_or_default())}
                                  data-mention={i.to_string()} tabindex="0" aria-describedby="entity-tip">{ with_hits(t, offset, &hits) }</mark>
                        }
                    }
                }
            }) }
        }
    };

    let blocks = article.body.blocks.iter().enumerate().filter(|(_, b)| !matches!(b, Block::Note(_)));
    let body = blocks.map(|(i, b)| {
        let text = render_text(block_segment(i), b.text());
        match b {
            Block::Standfirst(_) => html! { <p class="standfirst">{ text }</p> },
            Block::Heading(_) => html! { <h2>{ text }</h2> },
            Block::Paragraph(_) => html! { <p>{ text }</p> },
            Block::Caption(_) => html! {
                <figure class="caption"><figcaption><span class="caption-label">{"Photo caption"}</span>{ text }</figcaption></figure>
            },
            Block::Note(_) => Html::default(),
        }
    });
    let notes: Vec<Html> = article
        .body
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Note(_)))
        .map(|(i, b)| html! { <p>{ render_text(block_segment(i), b.text()) }</p> })
        .collect();

    // event delegation: the mark under the pointer or focus shows the tooltip
    let show = {
        let tip = tip.clone();
        let body_ref = body_ref.clone();
        move |target: Option<web_sys::EventTarget>| {
            let mark = target.and_then(|t| t.dyn_into::<Element>().ok()).and_then(|el| el.closest("mark[data-mention]").ok().flatten());
            let (Some(mark), Some(body)) = (mark, body_ref.cast::<HtmlElement>()) else { return tip.set(None) };
            let Some(mention) = mark.get_attribute("data-mention").and_then(|m| m.parse().ok()) else { return };
            let (r, b) = (mark.get_bounding_client_rect(), body.get_bounding_client_rect());
            tip.set(Some(Tip { mention, top: r.bottom() - b.top() + 6.0, left: (r.left() - b.left()).max(0.0) }));
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

    let tooltip = (*tip).as_ref().and_then(|t| {
        let m = ann.mentions.get(t.mention)?;
        let e = &ann.entities[m.entity];
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
        <div class="body" data-testid="article-body" ref={body_ref}
             {onmouseover} {onfocusin} onmouseleave={hide.reform(|e: MouseEvent| e.into())} onfocusout={hide.reform(|e: FocusEvent| e.into())}>
            { for body }
            if !notes.is_empty() {
                <aside class="notes" aria-label="About the source">{ for notes }</aside>
            }
            <div id="entity-tip" role="tooltip" class="tip" data-testid="entity-tip" hidden={tooltip.is_none()} ref={tip_ref}>
                { tooltip.unwrap_or_default() }
            </div>
        </div>
    }
}
