//! Where an opportunity is in its life (an idea, planned, in progress, shipped or
//! dropped) and the links that follow it into a tracker.

/// An opportunity's `status:`. Said in a word wherever it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifecycle {
    Idea,
    Planned,
    InProgress,
    Shipped,
    Dropped,
}

impl Lifecycle {
    pub fn parse(s: &str) -> Option<Lifecycle> {
        Some(match s {
            "idea" => Lifecycle::Idea,
            "planned" => Lifecycle::Planned,
            "in-progress" => Lifecycle::InProgress,
            "shipped" => Lifecycle::Shipped,
            "dropped" => Lifecycle::Dropped,
            _ => return None,
        })
    }

    /// The word as the map writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Idea => "idea",
            Lifecycle::Planned => "planned",
            Lifecycle::InProgress => "in-progress",
            Lifecycle::Shipped => "shipped",
            Lifecycle::Dropped => "dropped",
        }
    }
}

/// A link from an opportunity (a ticket, a brief); `label` defaults to the address.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub url: String,
    pub label: Option<String>,
}

impl Link {
    /// What the link reads as: its label, else its address.
    pub fn text(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_back() {
        for l in [
            Lifecycle::Idea,
            Lifecycle::Planned,
            Lifecycle::InProgress,
            Lifecycle::Shipped,
            Lifecycle::Dropped,
        ] {
            assert_eq!(Lifecycle::parse(l.as_str()), Some(l));
        }
        assert_eq!(Lifecycle::parse("in_progress"), None);
        let link = Link {
            url: "https://t.example/1".into(),
            label: None,
        };
        assert_eq!(link.text(), "https://t.example/1");
    }
}
