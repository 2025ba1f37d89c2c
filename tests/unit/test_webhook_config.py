"""The [webhooks] settings: subscriptions, delivery settings, and errors that name the key."""

from __future__ import annotations

import base64
import json

import pytest

from worker.errors import ConfigError
from worker.settings import load_settings
from worker.webhooks.config import DECIDED, REVIEWED, parse_webhooks, worker_queues

SECRET = "whsec_" + base64.b64encode(b"k" * 32).decode()


def test_a_subscription_gets_both_event_types_unless_it_names_some() -> None:
    hooks = parse_webhooks(
        {
            "subscriptions": [
                {"name": "site", "url": "https://example.org/hook", "secret": SECRET},
                {"name": "mods", "url": "https://example.org/mods", "secret": SECRET, "events": [REVIEWED]},
            ]
        }
    )
    assert [s.name for s in hooks.for_event(DECIDED)] == ["site"]
    assert [s.name for s in hooks.for_event(REVIEWED)] == ["site", "mods"]
    assert hooks.queue == "webhooks"


def test_back_off_doubles_from_the_first_delay_up_to_the_cap() -> None:
    hooks = parse_webhooks({"backoff_first_s": 30, "backoff_max_s": 3600})
    assert [hooks.backoff_s(n) for n in (1, 2, 3, 8, 20)] == [30, 60, 120, 3600, 3600]


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"subscriptions": [{"url": "ftp://example.org", "secret": SECRET}]}, "webhooks.subscriptions[0].url"),
        ({"subscriptions": [{"url": "https://u:p@example.org", "secret": SECRET}]}, "webhooks.subscriptions[0].url"),
        ({"subscriptions": [{"url": "https://example.org", "secret": "plain"}]}, "webhooks.subscriptions[0].secret"),
        (
            {"subscriptions": [{"url": "https://example.org", "secret": "whsec_c2hvcnQ="}]},
            "webhooks.subscriptions[0].secret",
        ),
        (
            {"subscriptions": [{"url": "https://example.org", "secret": SECRET, "events": ["comment.deleted"]}]},
            "webhooks.subscriptions[0].events",
        ),
        ({"retry_for_s": -1}, "webhooks.retry_for_s"),
        ({"allowed_networks": ["not a network"]}, "webhooks.allowed_networks"),
        ({"surprise": 1}, "webhooks.surprise"),
    ],
)
def test_a_malformed_webhook_setting_is_refused_naming_its_key(table: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_webhooks(table)
    assert error.value.key == key


def test_an_error_about_a_secret_never_repeats_it() -> None:
    secret = "whsec_" + base64.b64encode(b"s" * 8).decode()
    with pytest.raises(ConfigError) as error:
        parse_webhooks({"subscriptions": [{"url": "https://example.org", "secret": secret}]})
    assert secret not in str(error.value)
    assert base64.b64encode(b"s" * 8).decode() not in str(error.value)


def test_the_subscriptions_can_come_from_the_environment_as_json() -> None:
    table = {"queue": "hooks", "subscriptions": [{"url": "https://a.example", "secret": SECRET}]}
    env = {"MODERATION_WEBHOOKS": json.dumps(table)}
    settings = load_settings(env)
    assert parse_webhooks(settings.webhooks).subscriptions[0].url == "https://a.example"
    assert worker_queues(settings) == f"{settings.queue},hooks"


def test_the_worker_consumes_only_the_moderation_queue_without_subscriptions() -> None:
    settings = load_settings({})
    assert worker_queues(settings) == settings.queue


def test_webhooks_from_the_environment_must_be_a_json_object() -> None:
    with pytest.raises(ConfigError) as error:
        load_settings({"MODERATION_WEBHOOKS": "subscriptions=1"})
    assert error.value.key == "webhooks"
