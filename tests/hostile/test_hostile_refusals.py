"""Item 7: every malformed input is refused by the command line with exit 2 and a Chinese message naming the
file and what is wrong; never a traceback, nothing written, and `check` passes afterwards."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any, Callable

import pytest

from storage.core.checks import run_checks
from storage.core.db import Database
from tests.helpers import run_cli
from tests.hostile.forge import damage_member, edit_rows, forge
from tests.sync.conftest import Pair, export, state, write_notes

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def assert_refused(db: Database, args: list[str], name: str, stdin: str = "") -> str:
    """Exit 2, a Chinese message naming `name`, no traceback, the database unchanged and sound."""
    before = state(db)
    code, out, err = run_cli(["--db", str(db.path), *args], stdin)
    assert code == 2, (code, out, err)
    assert name in err and _CHINESE.search(err) and "Traceback" not in err + out, err
    assert state(db) == before
    assert run_checks(db) == []
    return err


def _row(edit: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def apply(change: dict[str, Any]) -> None:
        if change["table"] == "notes":
            edit(change)
    return apply


def _set_row(**values: Any) -> Callable[[dict[str, Any]], None]:
    return _row(lambda change: change["row"].update(values))


def _as_household(change: dict[str, Any]) -> None:
    change["table"] = "households"
    change["row"] = {k: v for k, v in change["row"].items() if k not in ("title", "body")}
    change["row"].update(household_no=change["id"][-8:], group_id="no-such-group")


def _integer_id(change: dict[str, Any]) -> None:
    change["id"] = change["row"]["id"] = 12345


LINE_CASES: dict[str, Callable[[dict[str, Any]], None]] = {
    "dict-value": _set_row(title={"a": 1}), "list-value": _set_row(body=[1, 2]),
    "huge-int": _set_row(body=10 ** 4000), "bool-value": _set_row(title=True),
    "not-null": _set_row(title=None), "foreign-key": _row(_as_household), "integer-id": _row(_integer_id),
}


@pytest.mark.parametrize("case", sorted(LINE_CASES))
def test_malformed_rows_are_refused(pair: Pair, tmp_path: Path, case: str) -> None:
    write_notes(pair.village, 2)
    hostile = forge(export(pair.village, pair.stick), pair.village, pair.township, tmp_path / f"{case}.xybundle",
                    lines_edit=edit_rows(LINE_CASES[case]))
    err = assert_refused(pair.township, ["sync", "import", str(hostile)], hostile.name)
    assert case != "foreign-key" or "FOREIGN KEY" in err


def _text_lines(text: bytes) -> Callable[[list[bytes]], list[bytes]]:
    return lambda lines: [*lines[:-1], text]


RAW_LINES = {
    "5000-digit-int": b'{"seq":1,"table":"notes","id":"x","hlc":"h","row":{"id":"x","n":' + b"9" * 5000 + b"}}\n",
    "nested-100000": b'{"seq":1,"table":"notes","id":"x","row":' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
    "not-json": b"{{{\n",
}


@pytest.mark.parametrize("case", sorted(RAW_LINES))
def test_unparseable_lines_are_refused(pair: Pair, tmp_path: Path, case: str) -> None:
    write_notes(pair.village, 2)
    hostile = forge(export(pair.village, pair.stick), pair.village, pair.township, tmp_path / f"{case}.xybundle",
                    lines_edit=_text_lines(RAW_LINES[case]))
    assert_refused(pair.township, ["sync", "import", str(hostile)], hostile.name)


@pytest.mark.parametrize("stored", [False, True], ids=["deflate", "crc"])
@pytest.mark.parametrize("member", ["changes.jsonl", "audit.jsonl"])
def test_a_damaged_inner_archive_is_refused(pair: Pair, tmp_path: Path, stored: bool, member: str) -> None:
    write_notes(pair.village, 40)
    hostile = forge(export(pair.village, pair.stick), pair.village, pair.township, tmp_path / "damaged.xybundle",
                    inner_edit=damage_member(member), stored=stored)
    assert_refused(pair.township, ["sync", "import", str(hostile)], hostile.name)


def test_a_manifest_nested_100000_deep_is_refused(pair: Pair, tmp_path: Path) -> None:
    write_notes(pair.village, 1)
    hostile = forge(export(pair.village, pair.stick), pair.village, pair.township, tmp_path / "deep.xybundle",
                    lambda manifest: manifest.update(from_name="x"))
    # The manifest is replaced after signing: the nesting must be met before the signature is even looked at.
    from tests.hostile.forge import encrypt, open_bundle
    files = open_bundle(hostile, pair.township)
    files["manifest.json"] = b'{"from":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    encrypt(inner.read_bytes(), pair.township, hostile)
    assert_refused(pair.township, ["sync", "import", str(hostile)], hostile.name)


@pytest.mark.parametrize(("field", "value"), [("bundle_id", 7), ("counts", None), ("since", "1")])
def test_a_manifest_field_of_the_wrong_type_is_refused_by_the_cli(pair: Pair, tmp_path: Path, field: str,
                                                                   value: Any) -> None:
    write_notes(pair.village, 1)
    hostile = forge(export(pair.village, pair.stick), pair.village, pair.township, tmp_path / "typed.xybundle",
                    lambda manifest: manifest.update({field: value}))
    assert field in assert_refused(pair.township, ["sync", "import", str(hostile)], hostile.name)


def _docx(tmp_path: Path, name: str, document_xml: bytes) -> Path:
    """A .docx made by python-docx, its document.xml replaced."""
    import docx
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    path = tmp_path / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document_xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return path


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
                     for i in range(1, 10))
          + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
          b"<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")


@pytest.mark.parametrize(("name", "xml"), [("laughs.docx", LAUGHS), ("broken.docx", b"<w:document><w:body>")])
def test_hostile_word_files_are_refused(pair: Pair, tmp_path: Path, name: str, xml: bytes) -> None:
    path = _docx(tmp_path, name, xml)
    assert_refused(pair.village, ["rules", "import", str(path)], name)


def test_a_csv_cell_over_128_kib_is_refused(pair: Pair, tmp_path: Path) -> None:
    path = tmp_path / "big-cell.csv"
    path.write_text("户号,组别,姓名,与户主关系,性别,身份证号\n1,一组," + "张" * 140_000 + ",户主,男,\n", encoding="utf-8")
    assert_refused(pair.village, ["roster", "import", str(path)], path.name)


def test_a_json_public_key_nested_deep_is_refused(pair: Pair, tmp_path: Path) -> None:
    path = tmp_path / "deep.pub.json"
    path.write_text(json.dumps({"format": "x"})[:-1] + ', "n": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert_refused(pair.village, ["sync", "trust", str(path)], path.name)
