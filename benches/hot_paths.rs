//! Micro-benchmarks of the hot paths, one map at a time (`cargo bench`): reading YAML,
//! the schema, the model, references, lint rules, the whole check, rendering and diff.
//! Whole-process numbers against other tools come from `benches/compare.sh`.

mod corpus;

use cjm::check::{Input, Options, check_bytes, refs, schema::Schema};
use cjm::config::Config;
use cjm::read::{Limits, parse};
use cjm::settings::Settings;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

fn sample(shape: corpus::Shape) -> String {
    corpus::map(1, 0, shape)
}

const SHAPES: [corpus::Shape; 2] = [corpus::Shape::Small, corpus::Shape::Realistic];

#[divan::bench(args = SHAPES)]
fn read_yaml(bencher: Bencher, shape: corpus::Shape) {
    let text = sample(shape);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| parse(black_box(&text), &Limits::default()));
}

#[divan::bench(args = SHAPES)]
fn schema(bencher: Bencher, shape: corpus::Shape) {
    let text = sample(shape);
    let root = parse(&text, &Limits::default()).root.expect("parses");
    let schema = Schema::embedded().expect("compiles");
    bencher.bench(|| schema.validate(black_box(&root)));
}

#[divan::bench(args = SHAPES)]
fn model_and_references(bencher: Bencher, shape: corpus::Shape) {
    let text = sample(shape);
    let root = parse(&text, &Limits::default()).root.expect("parses");
    // `check_bytes` moves the text out of a tree it then drops: each run takes a fresh copy.
    bencher
        .with_inputs(|| root.clone())
        .bench_values(|mut root| {
            refs::check(
                &cjm::model::build_taking(black_box(&mut root), "m"),
                &Default::default(),
            )
        });
}

#[divan::bench(args = SHAPES)]
fn lint_rules(bencher: Bencher, shape: corpus::Shape) {
    let text = sample(shape);
    let root = parse(&text, &Limits::default()).root.expect("parses");
    let map = cjm::model::build(&root, "m");
    let (settings, options) = (Settings::default(), Options::default());
    bencher.bench(|| cjm::rules::run(black_box(&map), &settings, &options));
}

#[divan::bench(args = SHAPES)]
fn whole_check(bencher: Bencher, shape: corpus::Shape) {
    let text = sample(shape);
    let (config, options) = (Config::default(), Options::default());
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| check_bytes(&Input::Stdin, text.clone().into_bytes(), &config, &options));
}

fn example(text: &str) -> cjm::model::Map {
    cjm::model::build(&parse(text, &Limits::default()).root.expect("parses"), "m")
}

#[divan::bench]
fn render_svg(bencher: Bencher) {
    let map = example(include_str!("../examples/grocery-current.yaml"));
    bencher.bench(|| cjm::render::svg::render(black_box(&map)));
}

#[divan::bench]
fn render_markdown(bencher: Bencher) {
    let map = example(include_str!("../examples/grocery-current.yaml"));
    bencher.bench(|| cjm::render::markdown::render(black_box(&map)));
}

#[divan::bench]
fn diff(bencher: Bencher) {
    let a = example(include_str!("../examples/grocery-current.yaml"));
    let b = example(include_str!("../examples/grocery-future.yaml"));
    bencher.bench(|| cjm::diff::diff(black_box(&a), black_box(&b)));
}

#[divan::bench(args = SHAPES)]
fn saphyr_events_only(bencher: Bencher, shape: corpus::Shape) {
    let text = sample(shape);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| saphyr_parser::Parser::new_from_str(black_box(&text)).count());
}
