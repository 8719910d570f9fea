use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <main>
                <h1>"Hello"</h1>
                <button type="submit" on:click=move |_| count.update(|n| *n += 1)>
                    "Clicked " {move || count.get()}
                </button>
            </main>
        }
    });
}
