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
    /// The reader's highlights in this block: (start, end, id), byte ranges of its text.
    pub highlights: Vec<(usize, usize, String)>,
}

/// `text` (starting at byte `offset` of its block) with the reader's highlights and the
/// search hits marked: cut at every edge of either, each piece wrapped in what covers it.
fn with_marks(text: &str, offset: usize, hits: &[(usize, usize)], highlights: &[(usize, usize, String)]) -> Html {
    let end = offset + text.len();
    let mut cuts: Vec<usize> = vec![offset, end];
    for &(s, e) in hits {
        cuts.extend([s, e]);
    }
    for (s, e, _) in highlights {
        cuts.extend([*s, *e]);
    }
    cuts.retain(|&c| c >= offset && c <= end && text.is_char_boundary(c - offset));
    crate::text::sort::sort_by(&mut cuts, Ord::cmp);
    cuts.dedup();
    let pieces = cuts.windows(2).map(|w| {
        let (s, e) = (w[0], w[1]);
        let piece = &text[s - offset..e - offset];
        let hit = hits.iter().any(|&(hs, he)| hs <= s && e <= he);
        let inner = if hit {
            html! { <mark class="hit" data-testid="search-hit">{ piece }</mark> }
        } else {
            html! { { piece } }
        };
        match highlights.iter().find(|(hs, he, _)| *hs <= s && e <= *he) {
            Some((_, _, id)) => html! {
                <mark class="user-highlight" data-highlight={id.clone()} data-testid="highlight" tabindex="0">{ inner }</mark>
            },
            None => inner,
        }
    });
    html! { { for pieces } }
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
            None => with_marks(t, offset, &hits, &props.highlights),
            Some(i) => {
                let e = &ann.entities[ann.mentions[i].entity];
                let here = in_district(e);
                html! {
                    <mark class={classes!("ent", format!("ent-{}", e.ty.as_str()), here.then_some("in-district"))}
                          data-entity-type={e.ty.as_str()} data-entity-id={e.id.clone()}
                          data-district={here.then(|| e.district.unwrap_or_default())}
                          data-mention={i.to_string()} tabindex="0" aria-describedby="entity-tip">{ with_marks(t, offset, &hits, &props.highlights) }</mark>
                }
            }
        }
    });
    let text = html! { { for parts } };
    let i = props.block.to_string();
    // Element Timing: when the first words of an article are painted (scripts/bench.mjs)
    let timing = (props.block < 3).then_some("article-text");
    match block {
        // `data-block`: the element whose text is exactly the block's (a selection's place)
        Block::Standfirst(_) => html! { <p class="standfirst" elementtiming={timing} data-block={i}>{ text }</p> },
        Block::Heading(_) => html! { <h2 data-block={i}>{ text }</h2> },
        Block::Paragraph(_) | Block::Note(_) => html! { <p elementtiming={timing} data-block={i}>{ text }</p> },
        Block::Caption(_) => html! {
            <figure class="caption"><figcaption><span class="caption-label">{"Photo caption"}</span><span data-block={i}>{ text }</span></figcaption></figure>
        },
    }
}
