//! The note and tags of one highlight, in a dialog: opened by clicking or pressing Enter on
//! a highlight, or `n` for the one made last. Saving writes them at once; the highlight can
//! be removed here too. What is typed is kept as text, never read as markup.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::highlight::Change;
use crate::web::browser::now_iso;
use crate::web::hooks::use_highlights::HighlightsContext;

#[derive(Properties, PartialEq)]
pub struct HighlightEditorProps {
    pub id: String,
    pub on_close: Callback<()>,
}

#[function_component(HighlightEditor)]
pub fn highlight_editor(props: &HighlightEditorProps) -> Html {
    let ctx = use_context::<HighlightsContext>().expect("highlights context");
    let note_ref = use_node_ref();
    let tags_ref = use_node_ref();
    {
        let note_ref = note_ref.clone();
        use_effect_with(props.id.clone(), move |_| {
            if let Some(el) = note_ref.cast::<HtmlTextAreaElement>() {
                let _ = el.focus();
            }
        });
    }
    let Some(h) = ctx.highlights.get(&props.id).cloned() else { return Html::default() };
    let save = {
        let (change, id, on_close) = (ctx.change.clone(), h.id.clone(), props.on_close.clone());
        let (note_ref, tags_ref) = (note_ref.clone(), tags_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let note = note_ref.cast::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
            let tags = tags_ref.cast::<HtmlInputElement>().map(|t| t.value()).unwrap_or_default();
            change.emit(Change::Annotate { id: id.clone(), note, tags, now: now_iso() });
            on_close.emit(());
        })
    };
    let remove = {
        let (change, id, on_close) = (ctx.change.clone(), h.id.clone(), props.on_close.clone());
        Callback::from(move |_| {
            change.emit(Change::Remove { id: id.clone() });
            on_close.emit(());
        })
    };
    let cancel = props.on_close.reform(|_| ());
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    html! {
        <div class="highlight-editor" role="dialog" aria-modal="false" aria-labelledby="highlight-editor-title"
             data-testid="highlight-editor" {onkeydown}>
            <form onsubmit={save}>
                <h2 id="highlight-editor-title">{"Note on the highlight"}</h2>
                <blockquote class="highlight-quote">{ h.selector.exact.clone() }</blockquote>
                <label for="highlight-note">{"Note"}</label>
                <textarea id="highlight-note" ref={note_ref} rows="4" value={h.note.clone()} data-testid="highlight-note" />
                <label for="highlight-tags">{"Tags (separated by commas)"}</label>
                <input id="highlight-tags" ref={tags_ref} type="text" value={h.tags.join(", ")} data-testid="highlight-tags" />
                <div class="editor-actions">
                    <button type="submit" class="button primary" data-testid="highlight-save">{"Save"}</button>
                    <button type="button" class="button" onclick={cancel}>{"Cancel"}</button>
                    <button type="button" class="button danger" onclick={remove} data-testid="highlight-remove">{"Remove highlight"}</button>
                </div>
            </form>
        </div>
    }
}
