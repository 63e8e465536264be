//! One block of the article body (paragraph, cross-head, standfirst, caption or note) with
//! its mentions marked and the search's words highlighted. A component of its own so a long
//! article's blocks are diffed one by one, and only the ones whose inputs changed re-render.
//! All text goes into text nodes: nothing in an article is ever parsed as HTML.

use yew::prelude::*;

use crate::model::cleaned::Block;
use crate::model::prefs::TypeToggles;
use crate::model::search::Query;
use crate::model::segments::block_segment;
use crate::text::snippet::pieces;
use crate::web::context::Shared;

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    /// Index of the article in the library, and of the block in the article.
    pub article: usize,
    pub block: usize,
    pub toggles: TypeToggles,
    pub district: Option<String>,
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

#[function_component(BlockView)]
pub fn block_view(props: &BlockViewProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let Some(article) = library.articles.get(props.article) else { return Html::default() };
    let Some(block) = article.body.blocks.get(props.block) else { return Html::default() };
    let ann = &article.annotation;
    let text = block.text();
    let district = props.district.as_deref();
    let in_district = |e: &crate::model::entity::Entity| district.is_some() && e.district == district;
    let (first, mentions) = ann.in_segment(block_segment(props.block));
    let marked: Vec<(usize, usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let e = &ann.entities[m.entity];
            props.toggles.shows(e.ty) || in_district(e)
        })
        .map(|(i, m)| (m.start, m.end, first + i))
        .collect();
    let hits = Query::parse(&props.query).hits(text);
    let parts = pieces(text, &marked).into_iter().map(|(t, m)| {
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
    });
    let text = html! { { for parts } };
    // Element Timing: when the first words of an article are painted (scripts/bench.mjs)
    let timing = (props.block < 3).then_some("article-text");
    match block {
        Block::Standfirst(_) => html! { <p class="standfirst" elementtiming={timing}>{ text }</p> },
        Block::Heading(_) => html! { <h2>{ text }</h2> },
        Block::Paragraph(_) | Block::Note(_) => html! { <p elementtiming={timing}>{ text }</p> },
        Block::Caption(_) => html! {
            <figure class="caption"><figcaption><span class="caption-label">{"Photo caption"}</span>{ text }</figcaption></figure>
        },
    }
}
