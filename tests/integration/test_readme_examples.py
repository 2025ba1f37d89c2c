"""The README's PHP and JavaScript examples: valid syntax, a signature check that agrees with the service's."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_process import APIProcess
from worker.webhooks.message import signed_headers

pytestmark = pytest.mark.integration

README = Path(__file__).resolve().parents[2] / "README.md"
SECRET = "whsec_" + base64.b64encode(b"readme-example-secret-32-bytes!!").decode()
BODY = '{"type":"comment.decided","data":{"comment":{"id":"wp-1","content":"Très clair, merci !"}}}'.encode()


def example(language: str) -> str:
    """The first ``language`` code block of the README's examples section."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Examples to copy") :]
    match = re.search(rf"```{language}\n(.*?)```", section, re.DOTALL)
    assert match, f"no {language} block in the README's examples"
    return match.group(1)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed here (./dev test installs php-cli where apt-get is available)")
    return path


def cases() -> list[tuple[str, bytes, dict[str, str], int, bool]]:
    """(what, body, headers, now, expected) triples for a signature check."""
    now = int(time.time())
    good = signed_headers(SECRET, "msg_1_site", BODY, now)
    other_secret = "whsec_" + base64.b64encode(b"another-secret-of-32-bytes-long!").decode()
    return [
        ("signed by the service", BODY, good, now, True),
        ("body changed", BODY.replace(b"clair", b"flou"), good, now, False),
        ("another secret", BODY, signed_headers(other_secret, "msg_1_site", BODY, now), now, False),
        ("ten minutes old", BODY, good, now + 600, False),
        (
            "two signatures, one good",
            BODY,
            {**good, "webhook-signature": "v1,AAAA " + good["webhook-signature"]},
            now,
            True,
        ),
    ]


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60, check=False, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_the_php_example_passes_php_lint(tmp_path: Path) -> None:
    php = tool("php")
    (tmp_path / "plugin.php").write_text(example("php"), encoding="utf-8")
    assert "No syntax errors" in run([php, "-l", "plugin.php"], tmp_path)


def test_the_php_example_accepts_exactly_the_webhooks_the_service_signs(tmp_path: Path) -> None:
    php = tool("php")
    (tmp_path / "plugin.php").write_text(example("php").replace("'whsec_...'", f"'{SECRET}'"), encoding="utf-8")
    for index, (_, body, headers, now, _) in enumerate(cases()):
        (tmp_path / f"body{index}").write_bytes(body)
        (tmp_path / f"headers{index}.json").write_text(json.dumps({**headers, "now": now}))
    runner = """<?php
function add_filter(...$args) {}
function add_action(...$args) {}
require __DIR__ . '/plugin.php';
$results = [];
for ($i = 0; file_exists(__DIR__ . "/body$i"); $i++) {
    $h = json_decode(file_get_contents(__DIR__ . "/headers$i.json"), true);
    $results[] = moderation_signature_ok(file_get_contents(__DIR__ . "/body$i"), $h['webhook-id'],
        $h['webhook-timestamp'], $h['webhook-signature'], $h['now']);
}
echo json_encode($results);
"""
    (tmp_path / "runner.php").write_text(runner, encoding="utf-8")
    results = json.loads(run([php, "runner.php"], tmp_path))
    assert results == [expected for *_, expected in cases()], [what for what, *_ in cases()]


def test_the_javascript_example_passes_node_check(tmp_path: Path) -> None:
    node = tool("node")
    (tmp_path / "moderation.mjs").write_text(example("js"), encoding="utf-8")
    run([node, "--check", "moderation.mjs"], tmp_path)


def test_the_javascript_example_accepts_exactly_the_webhooks_the_service_signs(tmp_path: Path) -> None:
    node = tool("node")
    (tmp_path / "moderation.mjs").write_text(example("js"), encoding="utf-8")
    payload = [
        {"body": base64.b64encode(body).decode(), "headers": headers, "now": now}
        for _, body, headers, now, _ in cases()
    ]
    (tmp_path / "cases.json").write_text(json.dumps(payload))
    runner = """import { readFileSync } from "node:fs";
import { verifyWebhook } from "./moderation.mjs";
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
const check = (c) => verifyWebhook(Buffer.from(c.body, "base64"), c.headers, process.argv[2], c.now);
console.log(JSON.stringify(cases.map(check)));
"""
    (tmp_path / "runner.mjs").write_text(runner, encoding="utf-8")
    results = json.loads(run([node, "runner.mjs", SECRET], tmp_path))
    assert results == [expected for *_, expected in cases()], [what for what, *_ in cases()]


@pytest.fixture
def api(redis_url: str, tmp_path: Path) -> Iterator[APIProcess]:
    env = {**os.environ, "REDIS_URL": redis_url, "MODERATION_KEY_PREFIX": f"ex{uuid.uuid4().hex[:8]}"}
    server = APIProcess(env, tmp_path / "api.log", token="example-token").start()
    yield server
    server.stop()


def test_the_javascript_example_submits_a_comment_with_fetch(tmp_path: Path, api: APIProcess) -> None:
    node = tool("node")
    (tmp_path / "moderation.mjs").write_text(example("js"), encoding="utf-8")
    runner = """import { submitComment } from "./moderation.mjs";
const answer = await submitComment({ id: "js-1", post_id: "42", author_name: "Zoé", content: "Bravo !" });
let refused = "";
try { await submitComment({ id: "js-2" }); } catch (error) { refused = error.message; }
console.log(JSON.stringify({ answer, refused }));
"""
    (tmp_path / "runner.mjs").write_text(runner, encoding="utf-8")
    env = {**os.environ, "MODERATION_API": f"http://127.0.0.1:{api.port}", "MODERATION_API_TOKEN": "example-token"}
    out = json.loads(run([node, "runner.mjs"], tmp_path, env))
    assert out["answer"] == {"id": "js-1", "status": "queued", "created": True}
    assert out["refused"].startswith("post_id:")
    assert api.request("GET", "/comments/js-1")[1]["status"] == "queued"
