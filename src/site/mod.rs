//! The static website of a portfolio.
