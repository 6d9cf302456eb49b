from shinsa.report.model import mask_secrets


def test_secrets_are_masked_but_sampling_parameters_are_not() -> None:
    config = {
        "api_key": "sk-1",
        "token": "t",
        "access_token": "a",
        "hf_token": "h",
        "headers": ["Authorization"],
        "sampling": {"max_tokens": 96, "temperature": 0.0, "auth_token": "z"},
        "prompt_tokens": 3,
        "password": "",
    }
    masked = mask_secrets(config)
    assert masked["api_key"] == masked["token"] == masked["access_token"] == masked["hf_token"] == "***"
    assert masked["sampling"] == {"max_tokens": 96, "temperature": 0.0, "auth_token": "***"}
    assert masked["prompt_tokens"] == 3 and masked["headers"] == ["Authorization"]
    assert masked["password"] == ""  # nothing to hide
