//! Mounts the Yew app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    use helmand_reader::web::app::{App, AppProps};
    wasm_bindgen_futures::spawn_local(async {
        // the first chunk of articles, while the prerendered first article is on screen
        let (bundled, problem) = helmand_reader::web::browser::corpus::first().await;
        let root = gloo::utils::document().get_element_by_id("app").expect("index.html has #app");
        root.set_inner_html(""); // the prerendered article or the "Loading…" placeholder
        yew::Renderer::<App>::with_root_and_props(root, AppProps { bundled, problem }).render();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("helmand-reader is a web app: build and serve it with scripts/serve.sh (see README.md)");
    std::process::exit(2);
}
