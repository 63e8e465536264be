//! The notes view (a tab beside Articles and Entities): every highlight of the shown
//! articles with its note and tags, filtered by a tag; each opens its article at the
//! highlight. Tags can be renamed (or merged, by renaming one to another). The shown
//! highlights export as Markdown, CSV or W3C Web Annotation JSON, and the shown articles'
//! citations as CSL-JSON or BibTeX.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::citation::{bibtex, csl_json};
use crate::model::export::export_everything;
use crate::model::filters::Filters;
use crate::model::highlight::{place, Change, Place};
use crate::model::notes::{cited, csv, markdown, rows, web_annotations};
use crate::model::prefs::TYPES_KEY;
use crate::model::route::article_href;
use crate::web::browser::persist::{persist, persisted};
use crate::web::browser::{download, now_iso};
use crate::web::context::Shared;
use crate::web::hooks::use_highlights::HighlightsContext;
use crate::web::navigation::show_highlight;
use crate::web::store::Store;

#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    /// The shown articles (library indices, in list order).
    pub shown: Vec<usize>,
    pub filters: Filters,
}

#[function_component(NotesPanel)]
pub fn notes_panel(props: &NotesPanelProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let ctx = use_context::<HighlightsContext>().expect("highlights context");
    let store = use_context::<Store>().expect("store context");
    let tag = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);
    let rename_ref = use_node_ref();
    // whether the browser keeps this site's data for good (asked when a highlight is made)
    let kept = use_state_eq(|| None::<bool>);
    {
        let (kept, count) = (kept.clone(), ctx.highlights.items.len());
        use_effect_with(count, move |_| {
            wasm_bindgen_futures::spawn_local(async move { kept.set(persisted().await) });
        });
    }
    let ask = {
        let kept = kept.clone();
        Callback::from(move |_: MouseEvent| {
            let kept = kept.clone();
            wasm_bindgen_futures::spawn_local(async move { kept.set(persist().await) });
        })
    };
    let hs = ctx.highlights.clone();
    let tags = hs.tags();
    let tag_now = (*tag).clone().filter(|t| tags.iter().any(|(x, _)| x == t));
    let shown = rows(&library, &hs, &props.shown, tag_now.as_deref());
    let today = now_iso().get(..10).unwrap_or("").to_string();

    let on_tag = {
        let tag = tag.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            tag.set((!v.is_empty()).then_some(v));
        })
    };
    let rename = {
        let (change, tag, rename_ref, from) = (ctx.change.clone(), tag.clone(), rename_ref.clone(), tag_now.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(from) = from.clone() else { return };
            let Some(input) = rename_ref.cast::<HtmlInputElement>() else { return };
            let to = input.value();
            if to.trim().is_empty() {
                return;
            }
            change.emit(Change::RenameTag { from, to: to.clone(), now: now_iso() });
            tag.set(crate::model::highlight::parse_tags(&to).into_iter().next());
            input.set_value("");
        })
    };
    let save = |name: &'static str, mime: &'static str, text: String| {
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            let stamp = now_iso();
            let file = format!("helmand-reader-{name}-{}", stamp.get(..10).unwrap_or("export"));
            problem.set(
                download::save(&file, mime, &text).err().map(|why| format!("The file could not be saved ({why}).")),
            );
        })
    };
    let generated = now_iso();
    let export_md = save("notes.md", "text/markdown", markdown(&shown, &today));
    let export_csv = save("notes.csv", "text/csv", csv(&shown));
    let export_json = save("annotations.jsonld", "application/ld+json", web_annotations(&shown, &generated));
    let articles: Vec<_> = props.shown.iter().filter_map(|&i| library.articles.get(i)).map(|a| cited(a)).collect();
    let export_csl = save("citations.json", "application/vnd.citationstyles.csl+json", csl_json(&articles, &today));
    let export_bib = save("citations.bib", "application/x-bibtex", bibtex(&articles, &today));
    // everything kept in this browser: imports, highlights, notes, tags, preferences
    let export_all = {
        let (store, hs, problem) = (store.clone(), hs.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let toggles =
                gloo::utils::window().local_storage().ok().flatten().and_then(|s| s.get_item(TYPES_KEY).ok().flatten());
            let stamp = now_iso();
            let text = export_everything(&store.collection.borrow().imported(), &hs, toggles.as_deref(), &stamp);
            let file = format!("helmand-reader-everything-{}.json", stamp.get(..10).unwrap_or("export"));
            problem.set(
                download::save(&file, "application/json", &text)
                    .err()
                    .map(|why| format!("The file could not be saved ({why}).")),
            );
        })
    };

    let items = shown.iter().map(|row| {
        let (h, a) = (row.highlight, row.article);
        let orphaned = place(h, a) == Place::Orphaned;
        let href = article_href(&a.id, &props.filters);
        let id = h.id.clone();
        let onclick = Callback::from(move |_: MouseEvent| show_highlight(&id));
        html! {
            <li class={classes!("note", orphaned.then_some("orphaned"))} data-testid="note" data-highlight={h.id.clone()}>
                <a class="note-open" {href} {onclick} data-testid="note-open">
                    <blockquote class="note-quote">{ h.selector.exact.clone() }</blockquote>
                </a>
                if orphaned {
                    <p class="note-orphaned" data-testid="note-orphaned">{"Orphaned: this passage is no longer in the article's text."}</p>
                }
                if !h.note.is_empty() {
                    <p class="note-text" data-testid="note-text">{ h.note.clone() }</p>
                }
                if !h.tags.is_empty() {
                    <p class="note-tags" data-testid="note-tags">{ for h.tags.iter().map(|t| html! { <span class="tag">{ t.clone() }</span> }) }</p>
                }
                <p class="note-source">{ format!("{} · {} · {}", a.title, a.outlet_label(), a.date_label()) }</p>
            </li>
        }
    });
    html! {
        <section class="notes-panel" aria-label="Highlights and notes" data-testid="notes-panel">
            <div class="notes-head">
                <label for="notes-tag">{"Tag"}</label>
                <select id="notes-tag" data-testid="notes-tag" onchange={on_tag}>
                    <option value="" selected={tag_now.is_none()}>{"All tags"}</option>
                    { for tags.iter().map(|(t, n)| html! {
                        <option value={t.clone()} selected={tag_now.as_deref() == Some(t.as_str())}>{ format!("{t} ({n})") }</option>
                    }) }
                </select>
                if tag_now.is_some() {
                    <form class="rename-tag" onsubmit={rename}>
                        <label for="rename-tag">{"Rename to"}</label>
                        <input id="rename-tag" ref={rename_ref} type="text" data-testid="rename-tag" />
                        <button type="submit" class="button">{"Rename"}</button>
                    </form>
                }
                <p class="notes-count" data-testid="notes-count">
                    { format!("{} in the shown articles", crate::text::wording::count(shown.len(), "highlight")) }
                </p>
                <div class="notes-export" role="group" aria-label="Export">
                    <button class="button" onclick={export_md} data-testid="export-markdown" disabled={shown.is_empty()}>{"Markdown"}</button>
                    <button class="button" onclick={export_csv} data-testid="export-csv" disabled={shown.is_empty()}>{"CSV"}</button>
                    <button class="button" onclick={export_json} data-testid="export-annotations" disabled={shown.is_empty()}>{"Web Annotation"}</button>
                    <button class="button" onclick={export_csl} data-testid="export-csl" disabled={articles.is_empty()}>{"CSL-JSON"}</button>
                    <button class="button" onclick={export_bib} data-testid="export-bibtex" disabled={articles.is_empty()}>{"BibTeX"}</button>
                    <button class="button" onclick={export_all} data-testid="export-everything"
                            title="Imports, highlights, notes, tags and preferences, in one file that Import files… takes back">{"Everything"}</button>
                </div>
                <p class="notes-storage" data-testid="storage-kept">
                    { match *kept {
                        Some(true) => "Kept in this browser for good: it will not clear them to make room.",
                        Some(false) => "Kept in this browser, which may clear them when space runs low: export them, or ",
                        None => "Kept in this browser (it cannot say whether it may clear them: export them to be safe).",
                    } }
                    if *kept == Some(false) {
                        <button class="link" onclick={ask} data-testid="persist">{"ask it to keep them"}</button>
                    }
                </p>
                if let Some(p) = (*problem).clone() {
                    <p class="form-error" role="alert">{ p }</p>
                }
            </div>
            if shown.is_empty() {
                <p class="empty" data-testid="notes-empty">
                    {"No highlights here yet. Select a passage of an article and press “Highlight” (or h); press n to add a note and tags."}
                </p>
            } else {
                <ol class="notes-list">{ for items }</ol>
            }
        </section>
    }
}
