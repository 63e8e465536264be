//! The cleaned article body: standfirst, paragraphs, cross-heads, captions, then notes.
//! All text goes into text nodes: nothing in an article is ever parsed as HTML.

use yew::prelude::*;

use crate::clean::Block;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub blocks: Vec<Block>,
}

#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let body = props.blocks.iter().filter(|b| !matches!(b, Block::Note(_))).map(|b| match b {
        Block::Standfirst(s) => html! { <p class="standfirst">{ s }</p> },
        Block::Heading(s) => html! { <h2>{ s }</h2> },
        Block::Paragraph(s) => html! { <p>{ s }</p> },
        Block::Caption(s) => html! {
            <figure class="caption"><figcaption><span class="caption-label">{"Photo caption"}</span>{ s }</figcaption></figure>
        },
        Block::Note(_) => Html::default(),
    });
    let notes: Vec<&Block> = props.blocks.iter().filter(|b| matches!(b, Block::Note(_))).collect();
    html! {
        <div class="body" data-testid="article-body">
            { for body }
            if !notes.is_empty() {
                <aside class="notes" aria-label="About the source">
                    { for notes.iter().map(|n| html! { <p>{ n.text() }</p> }) }
                </aside>
            }
        </div>
    }
}
