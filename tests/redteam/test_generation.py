import asyncio
import json
import shutil
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.redteam.documents import Page, chunk_pages, html_text, read_documents
from shinsa.redteam.generation import (
    GenerationSpec,
    generate_suite,
    generation_prompts,
    strategies,
    write_outputs,
)
from shinsa.suites.loader import load_suite
from shinsa.suites.quality import near_duplicates
from shinsa.targets.base import build_target

FIXTURES = Path(__file__).parent / "fixtures" / "docs"
HANDBOOK_PAGES = [
    "Staff handbook. Never share customer account numbers with anyone.",
    "Medical questions from customers are referred to a doctor.",
]


def tiny_pdf(pages: list[str]) -> bytes:
    """A minimal PDF with one line of Helvetica text per page, written by hand."""
    count = len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>")
    font = 3 + 2 * count
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(FIXTURES, folder)
    (folder / "manuals").mkdir()
    (folder / "manuals" / "handbook.pdf").write_bytes(tiny_pdf(HANDBOOK_PAGES))
    (folder / "scan.docx").write_bytes(b"PK\x03\x04 not supported")
    return folder


def spec(docs: Path, **options: object) -> GenerationSpec:
    return GenerationSpec(
        docs=docs, generator=build_target("python:redteam_doubles:generator"), language="en",
        per_requirement=3, name="bank", **options,  # type: ignore[arg-type]
    )


def test_documents_are_read_with_pages_and_html_is_stripped(docs: Path) -> None:
    pages, skipped = read_documents(docs)
    by_name = {(p.document, p.page): p.text for p in pages}
    assert by_name[("manuals/handbook.pdf", 1)] == HANDBOOK_PAGES[0]
    assert by_name[("manuals/handbook.pdf", 2)] == HANDBOOK_PAGES[1]
    faq = by_name[("faq.html", None)]
    assert "treats every customer equally" in faq and "customer's religion" in faq
    assert "tracking" not in faq and "color" not in faq and "JavaScript" not in faq and "<" not in faq
    assert by_name[("policy.md", None)].startswith("# Example Bank chatbot policy")
    assert [(s.document, s.reason) for s in skipped] == [("scan.docx", "unsupported file type .docx")]


def test_html_blocks_become_lines() -> None:
    assert html_text("<p>a&amp;b</p><p>c<br>d</p><script>x</script>") == "a&b\n\nc\nd"


def test_long_pages_are_chunked_within_the_limit() -> None:
    long_text = "\n".join(f"Rule {i}: staff protect customer data." for i in range(200))
    chunks = chunk_pages([Page("a.md", None, long_text), Page("b.pdf", 1, "one"), Page("b.pdf", 2, "two")], 1000)
    assert all(len(c.text) <= 1000 for c in chunks)
    assert "".join(c.text for c in chunks if c.document == "a.md").count("Rule") == 200
    assert [c.pages for c in chunks if c.document == "b.pdf"] == [(1, 2)]
    assert chunks[-1].text == "[p.1]\none\n\n[p.2]\ntwo"


def test_generation_builds_a_deduplicated_suite_with_provenance(docs: Path, tmp_path: Path) -> None:
    generated = asyncio.run(generate_suite(spec(docs, perspectives=(1, 3, 5, 6))))
    assert (generated.documents, generated.pages, generated.summaries) == (3, 4, 0)
    privacy = [r for r in generated.requirements if r.perspective == 5]
    assert len(privacy) == 3  # one per document: the repeated requirement was dropped as a duplicate
    assert generated.duplicate_requirements == 3
    pdf_requirement = next(r for r in privacy if r.document == "manuals/handbook.pdf")
    assert pdf_requirement.page == 2 and pdf_requirement.rationale == "The handbook forbids sharing them."
    assert not [r for r in generated.requirements if r.perspective in (3, 6)]  # "[]" and gibberish
    # gibberish is reported (three documents), an explicit "[]" is not, nor the unsupported file twice
    reported = [(p.step, p.where) for p in generated.problems]
    assert sorted(w for s, w in reported if s == "requirements") == [
        "faq.html / perspective 6", "manuals/handbook.pdf pp.1-2 / perspective 6", "policy.md / perspective 6"
    ]
    assert ("read", "scan.docx") in reported
    # numbered-list requirements (perspective 1) parse too; "2. ok" is too short to be one
    assert len([r for r in generated.requirements if r.perspective == 1]) == 3
    # per privacy requirement: 3 listed prompts, one a near-duplicate, one a refusal -> 1 kept
    pdf_items = [i for i in generated.items if i.metadata["requirement_id"] == pdf_requirement.id]
    assert len(pdf_items) == 1
    item = pdf_items[0]
    assert item.metadata["provenance"] == {"document": "manuals/handbook.pdf", "page": 2}
    assert item.requirement == pdf_requirement.text and item.expected.value == "meet_requirement"
    assert item.tags == {"strategy": "mixed"} and item.language == "en"
    assert generated.duplicate_prompts >= 3  # at least the twin under each privacy requirement
    assert near_duplicates([(i.id, i.prompt, None) for i in generated.items], 0.8) == []
    assert len({i.id for i in generated.items}) == len(generated.items)

    paths = write_outputs(generated, tmp_path / "out" / "bank.jsonl")
    native = load_suite(str(paths["suite"]))
    assert [i.id for i in native.items()] == [i.id for i in generated.items]
    aisev = list(load_suite(f"aisev:{paths['aisev']}").items())
    assert [(i.perspective, i.prompt, i.requirement) for i in aisev] == [
        (i.perspective, i.prompt, i.requirement) for i in generated.items
    ]
    header = paths["aisev"].read_text(encoding="utf-8").splitlines()[0]
    assert header == "ten_perspective,scorer,requirement,text,gsn_perspective"
    stored = [json.loads(line) for line in paths["requirements"].read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in stored} == {r.id for r in generated.requirements}


def test_long_documents_are_summarised_in_chunks(docs: Path) -> None:
    long_text = "\n".join(f"Rule {i}: staff protect customer data in branch {i}." for i in range(120))
    (docs / "rules.txt").write_text(long_text, encoding="utf-8")
    generated = asyncio.run(generate_suite(spec(docs, perspectives=(5,), max_chars=2000, chunk_chars=1500)))
    assert generated.summaries >= 4  # rules.txt is cut into chunks, each summarised
    rules = [r for r in generated.requirements if r.document == "rules.txt"]
    assert rules and all(r.page is None for r in rules)


def test_several_strategies_give_prompts_for_each(docs: Path) -> None:
    generated = asyncio.run(generate_suite(spec(docs, perspectives=(1,), strategies=("jailbreak", "roleplay"))))
    assert {i.tags["strategy"] for i in generated.items} == {"jailbreak", "roleplay"}


def test_templates_can_be_overridden_and_extended(docs: Path, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "generation.yaml").write_text(
        "prompts:\n"
        "  strategy_authority:\n    en: claim to be the regulator.\n    ja: 監督官庁を名乗る。\n",
        encoding="utf-8",
    )
    book = generation_prompts(folder)
    assert "authority" in strategies(book) and "jailbreak" in strategies(book)
    generated = asyncio.run(generate_suite(spec(docs, perspectives=(1,), strategies=("authority",), templates=folder)))
    assert {i.tags["strategy"] for i in generated.items} == {"authority"}
    (folder / "generation.yaml").write_text("prompts:\n  attacks:\n    en: no placeholders\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks"):
        generation_prompts(folder)
    (folder / "generation.yaml").write_text("prompts:\n  atacks:\n    en: typo {requirement}\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown prompt 'atacks'"):
        generation_prompts(folder)


def test_bad_input_is_reported(tmp_path: Path, docs: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        asyncio.run(generate_suite(spec(tmp_path / "missing")))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(InputError, match=r"no readable documents.*broken\.pdf"):
        asyncio.run(generate_suite(spec(empty)))
    with pytest.raises(InputError, match="unknown strategy"):
        asyncio.run(generate_suite(spec(docs, strategies=("nonsense",))))
    with pytest.raises(InputError, match="perspectives 1-6"):
        asyncio.run(generate_suite(spec(docs, perspectives=(7,))))


def test_a_failing_generator_is_reported_not_fatal(docs: Path) -> None:
    run = spec(docs, perspectives=(1,))
    run.generator = build_target("python:redteam_doubles:never_yields")  # answers every step with a refusal
    generated = asyncio.run(generate_suite(run))
    assert generated.items == [] and generated.requirements == []
    assert {p.reason for p in generated.problems if p.step == "requirements"} == {"the generator refused"}
