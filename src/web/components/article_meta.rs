//! The reader's metadata header: where the article comes from and how we know.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::article::Article;
use crate::model::citation::readable;
use crate::model::filters::Filters;
use crate::model::notes::cited;
use crate::web::browser::now_iso;
use crate::web::components::article_actions::ArticleActions;

#[derive(Properties, PartialEq)]
pub struct ArticleMetaProps {
    pub article: Rc<Article>,
    pub filters: Filters,
}

#[function_component(ArticleMeta)]
pub fn article_meta(props: &ArticleMetaProps) -> Html {
    let a = &props.article;
    let copied = use_state_eq(|| None::<bool>);
    let copy_citation = {
        let (a, copied) = (a.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let text = readable(&cited(&a), now_iso().get(..10).unwrap_or(""));
            let promise = gloo::utils::window().navigator().clipboard().write_text(&text);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()));
            });
        })
    };
    let field = |label: &str, value: String, testid: &str| {
        let unknown = value == crate::model::article::UNKNOWN;
        html! {
            <div class="meta-field">
                <dt>{ label }</dt>
                <dd class={classes!(unknown.then_some("unknown"))} data-testid={testid.to_string()}>{ value }</dd>
            </div>
        }
    };
    html! {
        <header class="meta">
            <h1 id="reader-title" class="reader-title" data-testid="reader-title" tabindex="-1">{ &a.title }</h1>
            <dl class="meta-fields">
                { field("Outlet", a.outlet_label().to_string(), "reader-outlet") }
                { field("Byline", a.author_label().to_string(), "reader-author") }
                { field("Published", a.date_label(), "reader-date") }
                { field("Length", format!("{} words · {}", a.body.word_count(), a.reading_label()), "reader-length") }
                if let Some((url, host)) = a.stored.as_ref().and_then(|r| r.url.as_deref()).and_then(|u| Some((u, crate::text::address::host_of(u)?))) {
                    <div class="meta-field meta-address">
                        <dt>{"Address"}</dt>
                        // http(s) only (checked when kept); never the page's own origin's opener
                        <dd><a href={url.to_string()} rel="noopener noreferrer" target="_blank" data-testid="reader-url" title={url.to_string()}>{ host }</a></dd>
                    </div>
                }
            </dl>
            if let Some(p) = &a.provenance {
                <p class="provenance" data-testid="reader-provenance">{ p }</p>
            }
            <div class="cite">
                <button class="button" onclick={copy_citation} data-testid="copy-citation">{"Copy citation"}</button>
                if let Some(ok) = *copied {
                    <span role="status" data-testid="citation-status">
                        { if ok { "Citation copied." } else { "The browser did not allow copying: select the citation in the notes view's export instead." } }
                    </span>
                }
            </div>
            if a.is_imported() {
                <ArticleActions article={a.clone()} filters={props.filters.clone()} />
            }
            if let Some(ev) = &a.evidence {
                <details class="evidence">
                    <summary>{"How the source was identified"}</summary>
                    <p>{ ev }</p>
                </details>
            }
        </header>
    }
}
