"""Settings and policy: environment, then file, then default; errors name the key, value and source."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.checks import build_checks
from worker.errors import ConfigError
from worker.models import Action
from worker.policy import Policy
from worker.settings import Settings, load_settings


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_settings_file_holds_exactly_the_defaults(repo_root: Path) -> None:
    settings = load_settings({"MODERATION_CONFIG": str(repo_root / "config" / "settings.toml")})
    assert settings.replace(config_file="") == Settings()


def test_the_environment_wins_over_the_file_and_the_file_over_the_default(tmp_path: Path) -> None:
    config = write(tmp_path / "s.toml", 'queue = "from-file"\nbatch_size = 7\n')
    settings = load_settings({"MODERATION_CONFIG": str(config), "MODERATION_BATCH_SIZE": "9"})
    assert (settings.queue, settings.batch_size, settings.key_prefix) == ("from-file", 9, "moderation")


def test_redis_url_is_also_read_from_the_usual_variable(tmp_path: Path) -> None:
    config = write(tmp_path / "s.toml", "")
    settings = load_settings({"MODERATION_CONFIG": str(config), "REDIS_URL": "redis://h:1/2"})
    assert settings.redis_url == settings.broker == "redis://h:1/2"


def test_a_malformed_environment_value_names_the_variable_and_the_value(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({"MODERATION_CONFIG": str(write(tmp_path / "s.toml", "")), "MODERATION_BATCH_SIZE": "many"})
    assert "batch_size" in str(info.value) and "'many'" in str(info.value)
    assert "MODERATION_BATCH_SIZE" in str(info.value)


def test_an_unknown_key_in_the_file_is_an_error_naming_it(tmp_path: Path) -> None:
    config = write(tmp_path / "s.toml", "bacth_size = 3\n")
    with pytest.raises(ConfigError, match="bacth_size"):
        load_settings({"MODERATION_CONFIG": str(config)})


def test_a_settings_file_named_but_missing_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="MODERATION_CONFIG"):
        load_settings({"MODERATION_CONFIG": str(tmp_path / "missing.toml")})


def test_a_value_below_its_minimum_is_refused(tmp_path: Path) -> None:
    config = write(tmp_path / "s.toml", "batch_size = 0\n")
    with pytest.raises(ConfigError, match="must be >= 1"):
        load_settings({"MODERATION_CONFIG": str(config)})


def test_a_settings_file_that_is_not_toml_is_a_clear_error(tmp_path: Path) -> None:
    config = write(tmp_path / "s.toml", "queue = \n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_settings({"MODERATION_CONFIG": str(config)})


def test_the_policy_file_is_found_beside_the_settings_file(tmp_path: Path) -> None:
    config = write(tmp_path / "s.toml", "")
    assert load_settings({"MODERATION_CONFIG": str(config)}).policy_path == tmp_path / "policy.toml"


def test_the_shipped_policy_builds_its_checks_in_order(repo_root: Path) -> None:
    policy = Policy.load(repo_root / "config" / "policy.toml")
    assert [check.name for check in build_checks(policy)] == list(policy.checks)
    assert policy.version != "default"


def test_an_unknown_check_in_the_policy_names_it() -> None:
    with pytest.raises(ConfigError, match="spelling"):
        build_checks(Policy.from_mapping({"checks": ["spelling"]}))


def test_an_unknown_action_in_the_policy_lists_the_choices() -> None:
    policy = Policy.from_mapping({"profanity": {"action": "delete"}})
    with pytest.raises(ConfigError, match="approve, censor, flag, reject"):
        policy.section("profanity").action("action", Action.FLAG)


def test_a_mistyped_policy_value_names_its_section_and_key() -> None:
    policy = Policy.from_mapping({"spam": {"links_hold_at": "two"}})
    with pytest.raises(ConfigError, match=r"spam\.links_hold_at"):
        policy.section("spam").integer("links_hold_at", 2)


def test_a_missing_word_list_file_is_a_clear_error(tmp_path: Path) -> None:
    policy = Policy.from_mapping({"spam": {"blocklist_file": "nope.txt"}}, base_dir=tmp_path)
    with pytest.raises(ConfigError, match="cannot read"):
        policy.section("spam").words_file("blocklist_file")


def test_every_key_of_the_shipped_policy_is_read_by_some_check(repo_root: Path) -> None:
    from worker.service import Engine

    assert Engine.from_policy(Policy.load(repo_root / "config" / "policy.toml")).checks


def test_a_misspelt_policy_key_is_an_error_naming_it_instead_of_being_ignored() -> None:
    from worker.service import Engine

    with pytest.raises(ConfigError, match=r"spam\.flag_ta.*unknown key"):
        Engine.from_policy(Policy.from_mapping({"spam": {"flag_ta": 0.5}}))


def test_a_misspelt_policy_table_is_an_error_naming_it() -> None:
    from worker.service import Engine

    with pytest.raises(ConfigError, match=r"spma.*unknown table"):
        Engine.from_policy(Policy.from_mapping({"spma": {"flag_at": 0.5}}))


def test_the_table_of_a_check_the_policy_does_not_run_is_left_alone() -> None:
    from worker.service import Engine

    engine = Engine.from_policy(Policy.from_mapping({"checks": ["validation"], "spam": {"anything": 1}}))
    assert [check.name for check in engine.checks] == ["validation"]
