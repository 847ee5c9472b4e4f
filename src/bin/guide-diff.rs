//! `guide-diff`: reads an edition of the Privacy Guides "Real-Time Communication" page (and
//! its "Social Networks" page) and prints what changed: against an older edition if given,
//! and against our dataset, with the values to re-check and the entry for
//! `data/editions.json`. Reading files and printing are all it does: parsing and comparing
//! live in `model::guide`, `model::guide_diff` and `model::guide_data`.
//!
//! ```sh
//! cargo run --bin guide-diff -- <real-time-communication.md> [<social-networks.md>] \
//!     [--against <older.md>] [--date YYYY-MM-DD] [--commit <40 hex>]
//! ```

/// Native only, like the model modules it uses.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use messenger_compare::model::dataset::Dataset;
    use messenger_compare::model::guide::{parse_page, Page, PageKind};
    use messenger_compare::model::guide_data::{compare_with_data, render_data, PageFacts};
    use messenger_compare::model::guide_diff::{
        diff_editions, edition_label, render, GuideEdition, Invocation, USAGE,
    };
    use std::process::ExitCode;

    /// Reads and parses one page, naming the file in any error.
    fn read(path: &str, kind: PageKind) -> Result<Page, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        parse_page(&text, kind).map_err(|e| format!("{path}: {e}"))
    }

    fn run(invocation: &Invocation) -> Result<String, String> {
        let page = read(&invocation.page, PageKind::RealTimeCommunication)?;
        let social = match &invocation.social {
            Some(path) => Some(read(path, PageKind::SocialNetworks)?),
            None => None,
        };
        let new_label = edition_label(&invocation.page);
        let new = GuideEdition {
            label: &new_label,
            page: &page,
            social: social.as_ref(),
        };
        let mut report = String::new();
        let since = match &invocation.against {
            Some(against) => {
                let older = read(against, PageKind::RealTimeCommunication)?;
                let old_label = edition_label(against);
                let old = GuideEdition {
                    label: &old_label,
                    page: &older,
                    social: None,
                };
                let diff = diff_editions(&old, &new);
                report.push_str(&render(&diff));
                report.push('\n');
                Some(diff)
            }
            None => None,
        };
        let data = Dataset::embedded().map_err(|e| e.to_string())?;
        let facts = PageFacts {
            label: &new_label,
            date: invocation.date,
            commit: invocation.commit.as_deref(),
            social: social.as_ref(),
            against: since.as_ref(),
        };
        report.push_str(&render_data(&compare_with_data(&page, &facts, &data)?));
        Ok(report)
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let invocation = match Invocation::parse(&args) {
            Ok(invocation) => invocation,
            Err(message) => {
                eprintln!("guide-diff: {message}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match run(&invocation) {
            Ok(report) => {
                print!("{report}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("guide-diff: {message}");
                ExitCode::FAILURE
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
