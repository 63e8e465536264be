//! The cleaned article body: standfirst, paragraphs, cross-heads and captions, then notes,
//! each a `BlockView`. A long article (imports can be megabytes) is shown in windows: the
//! first 60 KB at once, more as the reader nears the end (or presses "Show more"), so
//! opening it never freezes the page. A mention or district named in the address is always
//! inside the window. One shared tooltip (hover or keyboard focus) describes mentions.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

use gloo::events::EventListener;

use crate::model::anchor::describe;
use crate::model::cleaned::Block;
use crate::model::highlight::{in_blocks, Change};
use crate::model::prefs::TypeToggles;
use crate::model::segments::HEADER_SEGMENTS;
use crate::web::browser::now_iso;
use crate::web::components::block_view::BlockView;
use crate::web::components::entity_tip::{EntityTip, Tip, TipHandle};
use crate::web::components::highlight_editor::HighlightEditor;
use crate::web::context::Shared;
use crate::web::hooks::use_highlights::HighlightsContext;
use crate::web::navigation::{show_highlight, take_highlight_to_show};

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
    let highlights = use_context::<HighlightsContext>().expect("highlights context");
    // the reader's selection in the body, as a byte range of the body text, and where to
    // put the "Highlight" button
    let selection = use_state_eq(|| None::<(usize, usize, f64, f64)>);
    let editing = use_state_eq(|| None::<String>);
    let button_ref = use_node_ref();
    let placed = {
        let (library, hs) = (library.clone(), highlights.highlights.clone());
        use_memo((props.article, hs, library.clone()), move |(i, hs, library)| {
            library.articles.get(*i).map(|a| in_blocks(a, hs)).unwrap_or_default()
        })
    };
    {
        // a selection made in the body (by mouse or keys) offers the button
        let (selection, body_ref, library) = (selection.clone(), body_ref.clone(), library.clone());
        use_effect_with(props.article, move |&i| {
            // where each block starts in the body text (blocks joined by a blank line)
            let mut starts = Vec::new();
            let mut at = 0;
            for b in library.articles.get(i).map(|a| a.body.blocks.as_slice()).unwrap_or_default() {
                starts.push(at);
                at += b.text().len() + 2;
            }
            let listener = EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
                selection.set(body_ref.cast::<HtmlElement>().and_then(|body| selected_range(&body, &starts)));
            });
            move || drop(listener)
        });
    }
    let Some(article) = library.articles.get(props.article) else { return Html::default() };
    let make_highlight = {
        let (selection, change, id) = (selection.clone(), highlights.change.clone(), article.id.clone());
        let text = article.body.body_text();
        Callback::from(move |_: ()| {
            let Some((s, e, _, _)) = *selection else { return };
            if let Some(sel) = describe(&text, s, e) {
                change.emit(Change::Add { article: id.clone(), selector: sel, now: now_iso() });
            }
            if let Some(sel) = gloo::utils::window().get_selection().ok().flatten() {
                let _ = sel.remove_all_ranges();
            }
            selection.set(None);
        })
    };
    {
        // `h` highlights the selection; `n` opens the note of the highlight in focus, else
        // of the one made last
        let (make_highlight, editing, last) = (make_highlight.clone(), editing.clone(), highlights.last.clone());
        let has_selection = selection.is_some();
        use_effect_with((has_selection, last), move |(has_selection, last)| {
            let (has_selection, last) = (*has_selection, last.clone());
            // not passive: the key must not also type itself into the note that opens
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || typing(e) {
                    return;
                }
                match e.key().as_str() {
                    "h" if has_selection => {
                        e.prevent_default();
                        make_highlight.emit(());
                    }
                    "n" => {
                        let focused = gloo::utils::document()
                            .active_element()
                            .and_then(|el| el.closest("[data-highlight]").ok().flatten())
                            .and_then(|el| el.get_attribute("data-highlight"));
                        if let Some(id) = focused.or_else(|| last.clone()) {
                            e.prevent_default();
                            editing.set(Some(id));
                        }
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }
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
        let marks = placed.0.get(i).cloned().unwrap_or_default();
        html! { <BlockView key={i} article={props.article} block={i} toggles={props.toggles} district={props.district.clone()} query={props.query.clone()} highlights={marks} /> }
    };
    // a click (or Enter) on a highlight opens its note
    let open_highlight = {
        let editing = editing.clone();
        move |target: Option<web_sys::EventTarget>| {
            let id = target
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("mark[data-highlight]").ok().flatten())
                .and_then(|m| m.get_attribute("data-highlight"));
            if let Some(id) = id {
                editing.set(Some(id));
            }
        }
    };
    let onclick = {
        let open = open_highlight.clone();
        Callback::from(move |e: MouseEvent| {
            // a click that ends a selection is not a click on the highlight under it
            let selecting = gloo::utils::window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
            if !selecting {
                open(e.target());
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            open_highlight(e.target());
        }
    });
    let orphans = placed.1.len();
    {
        // placed with the CSSOM: the page's CSP allows no style attributes
        let button_ref = button_ref.clone();
        use_effect_with(*selection, move |selection| {
            if let (Some((_, _, top, left)), Some(b)) = (selection, button_ref.cast::<HtmlElement>()) {
                let _ = b.style().set_property("top", &format!("{}px", *top as i64));
                let _ = b.style().set_property("left", &format!("{}px", *left as i64));
            }
        });
    }
    // the notes view asked for one of this article's highlights: bring it into view
    use_effect(|| {
        if let Some(id) = take_highlight_to_show() {
            let mark = gloo::utils::document().query_selector(&format!("mark[data-highlight=\"{id}\"]")).ok().flatten();
            match mark.and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
                Some(mark) => {
                    mark.scroll_into_view();
                    let _ = mark.focus();
                }
                None => show_highlight(&id), // not drawn yet: on the next render
            }
        }
    });
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
        <div class="body" data-testid="article-body" ref={body_ref} {onclick} {onkeydown}
             {onmouseover} {onfocusin} onmouseleave={hide.reform(|e: MouseEvent| e.into())} onfocusout={hide.reform(|e: FocusEvent| e.into())}>
            if orphans > 0 {
                <p class="orphans" role="note" data-testid="orphaned-highlights">
                    { format!("{} of this article can no longer be placed in its text: {} listed under Notes.", crate::text::wording::count(orphans, "highlight"), if orphans == 1 { "it is" } else { "they are" }) }
                </p>
            }
            if selection.is_some() {
                <button class="highlight-button button" ref={button_ref.clone()}
                        data-testid="highlight-button" onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                        onclick={make_highlight.reform(|_| ())} title="Highlight the selection (h)">{"Highlight"}</button>
            }
            if let Some(id) = (*editing).clone() {
                <HighlightEditor {id} on_close={{ let editing = editing.clone(); Callback::from(move |_| editing.set(None)) }} />
            }
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

/// The selection, if it lies in the article body: its byte range in the body text (blocks
/// joined by a blank line) and the button's place (below its end, relative to the body).
fn selected_range(body: &HtmlElement, starts: &[usize]) -> Option<(usize, usize, f64, f64)> {
    let sel = gloo::utils::window().get_selection().ok().flatten()?;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let (start, end) = (
        offset_in_body(body, starts, &range.start_container().ok()?, range.start_offset().ok()?)?,
        offset_in_body(body, starts, &range.end_container().ok()?, range.end_offset().ok()?)?,
    );
    if end <= start {
        return None;
    }
    let (r, b) = (range.get_bounding_client_rect(), body.get_bounding_client_rect());
    Some((start, end, r.bottom() - b.top() + 6.0, (r.right() - b.left() - 40.0).max(0.0)))
}

/// The byte offset in the body text of a point (`node`, `offset`) in the body's DOM: the
/// start of its block (`data-block`) and the UTF-8 length of the block's text before it.
fn offset_in_body(body: &HtmlElement, starts: &[usize], node: &web_sys::Node, offset: u32) -> Option<usize> {
    let el = match node.dyn_ref::<Element>() {
        Some(el) => el.clone(),
        None => node.parent_element()?,
    };
    let block = el.closest("[data-block]").ok().flatten()?;
    if !body.contains(Some(&block)) {
        return None;
    }
    let i: usize = block.get_attribute("data-block")?.parse().ok()?;
    let before = gloo::utils::document().create_range().ok()?;
    before.set_start(&block, 0).ok()?;
    before.set_end(node, offset).ok()?;
    Some(starts.get(i)? + String::from(before.to_string()).len())
}

/// True when a key goes to a text field (where h and n are letters).
fn typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| el.is_content_editable() || matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT" | "INPUT"))
}
