// Registers the service worker, and offers a new version when one is waiting.
if ("serviceWorker" in navigator) {
  const hadController = Boolean(navigator.serviceWorker.controller);
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // the new version took over after the reader asked for it: reload into it
    if (hadController && !reloading) {
      reloading = true;
      location.reload();
    }
  });

  const offer = (worker) => {
    if (document.querySelector('[data-testid="update"]')) return;
    const bar = document.createElement("div");
    bar.className = "update";
    bar.setAttribute("role", "status");
    bar.dataset.testid = "update";
    const text = document.createElement("span");
    text.textContent = "A new version is available.";
    const button = document.createElement("button");
    button.textContent = "Reload";
    button.addEventListener("click", () => worker.postMessage("skip-waiting"));
    bar.append(text, button);
    document.body.append(bar);
  };

  // once the app has started (or the page has loaded, if it cannot start): the worker's
  // first install downloads every file, which must not compete with the app's own
  let registered = false;
  const register = () => {
    if (registered) return;
    registered = true;
    navigator.serviceWorker.register("./sw.js").then(watch);
  };
  addEventListener("TrunkApplicationStarted", register, { once: true });
  addEventListener("load", () => setTimeout(register, 3000), { once: true });

  const watch = (registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
      });
    });
    // look for a new deployment when the reader comes back to the tab
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
  };
}
