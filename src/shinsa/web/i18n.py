"""Every string the workspace shows, in Japanese and English (ja first). A page looks strings up
through ``t("key", name=value)`` in its template; a missing key is an error, not a blank."""

from __future__ import annotations

from string import Formatter

LANGUAGES = ("ja", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # frame
    "app.title": ("Shinsa 審査ワークスペース", "Shinsa assessment workspace"),
    "nav.systems": ("評価対象システム", "Systems"),
    "nav.compare": ("比較", "Compare"),
    "nav.tokens": ("APIトークン", "API tokens"),
    "nav.admin": ("管理", "Administration"),
    "nav.logout": ("ログアウト", "Sign out"),
    "nav.skip": ("本文へ移動", "Skip to content"),
    "lang.switch": ("English", "日本語"),
    "role.admin": ("管理者", "admin"),
    "role.assessor": ("評価者", "assessor"),
    "role.reviewer": ("レビュアー", "reviewer"),
    "role.viewer": ("閲覧者", "viewer"),
    # sign-in
    "login.title": ("ログイン", "Sign in"),
    "login.username": ("ユーザー名", "Username"),
    "login.password": ("パスワード", "Password"),
    "login.submit": ("ログイン", "Sign in"),
    "login.failed": ("ユーザー名またはパスワードが違います。", "Wrong username or password."),
    "login.throttled": (
        "ログインの失敗が多すぎます。しばらくしてからもう一度お試しください。",
        "Too many failed sign-ins. Try again in a while.",
    ),
    # errors
    "error.title": ("エラー", "Error"),
    "error.403": ("この操作を行う権限がありません。", "You may not do this."),
    "error.404": ("見つかりません。", "Not found."),
    "error.csrf": (
        "フォームの有効期限が切れたか、不正な送信です。ページを再読み込みしてください。",
        "The form expired or was not sent from this site. Reload the page and try again.",
    ),
    "error.input": ("入力エラー: {message}", "Input error: {message}"),
    "error.back": ("戻る", "Back"),
    # systems and runs
    "systems.title": ("評価対象システム", "Systems under assessment"),
    "systems.none": ("表示できるシステムはありません。", "No systems you can see yet."),
    "systems.project": ("プロジェクト", "Project"),
    "systems.name": ("名前", "Name"),
    "systems.id": ("システムID", "System id"),
    "systems.description": ("説明", "Description"),
    "systems.add": ("システムを追加", "Add a system"),
    "systems.runs": ("実行", "Runs"),
    "runs.title": ("実行", "Runs"),
    "runs.none": ("まだ実行はありません。", "No runs yet."),
    "runs.id": ("実行ID", "Run id"),
    "runs.state": ("状態", "State"),
    "runs.progress": ("進捗", "Progress"),
    "runs.created": ("作成日時", "Created"),
    "runs.report": ("HTMLレポート", "HTML report"),
    "runs.hits": ("レッドチームのヒット", "Red-team hits"),
    "runs.resume": ("再開", "Resume"),
    "runs.results": ("観点別の結果", "Results by perspective"),
    "runs.items": ("項目", "Items"),
    "runs.unfiled": ("システム未登録の実行(CLI)", "Runs filed under no system (CLI)"),
    "runs.file": ("このシステムに登録", "File under this system"),
    "state.queued": ("待機中", "queued"),
    "state.running": ("実行中", "running"),
    "state.finished": ("完了", "finished"),
    "state.failed": ("失敗", "failed"),
    "state.interrupted": ("中断", "interrupted"),
    "state.attached": ("CLIから登録", "filed from the CLI"),
    "state.stale": ("応答なし(再開できます)", "not responding (can be resumed)"),
    "progress.line": (
        "{done} / {total} 件完了(エラー {errors}、キャッシュ {cached}、再開時スキップ {skipped})",
        "{done} of {total} done ({errors} errors, {cached} cached, {skipped} skipped on resume)",
    ),
    "progress.waiting": ("開始を待っています…", "Waiting to start…"),
    # configurations
    "configs.title": ("保存済みの実行設定", "Saved run configurations"),
    "configs.none": ("保存済みの設定はありません。", "No saved configurations."),
    "configs.name": ("設定名", "Configuration name"),
    "configs.suites": ("スイート(カンマ区切り)", "Suites (comma-separated)"),
    "configs.target": ("対象", "Target"),
    "configs.base_url": ("ベースURL", "Base URL"),
    "configs.api_key_env": ("APIキーの環境変数名", "API key environment variable"),
    "configs.judge": ("ジャッジ", "Judge"),
    "configs.judge_base_url": ("ジャッジのベースURL", "Judge base URL"),
    "configs.judge_api_key_env": ("ジャッジのAPIキーの環境変数名", "Judge API key environment variable"),
    "configs.limit": ("件数の上限", "Item limit"),
    "configs.concurrency": ("同時リクエスト数", "Concurrency"),
    "configs.max_tokens": ("最大トークン数", "Max tokens"),
    "configs.save": ("設定を保存", "Save configuration"),
    "configs.start": ("この設定で実行", "Run with this configuration"),
    "configs.secret_note": (
        "APIキーは環境変数の名前だけを指定します。キーそのものは保存も表示もされません。",
        "Name the environment variable holding an API key; the key itself is never stored or shown.",
    ),
    # compare
    "compare.title": ("2つの実行を比較", "Compare two runs"),
    "compare.base": ("基準の実行", "Baseline run"),
    "compare.other": ("比較する実行", "Run to compare"),
    "compare.submit": ("比較", "Compare"),
    # tokens
    "tokens.title": ("APIトークン(CI用)", "API tokens (for CI)"),
    "tokens.name": ("トークン名", "Token name"),
    "tokens.create": ("トークンを作成", "Create a token"),
    "tokens.created": (
        "新しいトークンです。今だけ表示されます。安全な場所に保存してください:",
        "Your new token, shown this once only. Keep it somewhere safe:",
    ),
    "tokens.revoke": ("失効", "Revoke"),
    "tokens.revoked": ("失効済み", "revoked"),
    "tokens.last_used": ("最終使用", "Last used"),
    # administration
    "admin.title": ("管理", "Administration"),
    "admin.users": ("ユーザー", "Users"),
    "admin.add_user": ("ユーザーを追加", "Add a user"),
    "admin.is_admin": ("管理者", "Administrator"),
    "admin.projects": ("プロジェクト", "Projects"),
    "admin.add_project": ("プロジェクトを追加", "Add a project"),
    "admin.membership": ("メンバーを設定", "Set a membership"),
    "admin.role": ("役割", "Role"),
    "admin.logins": ("ログイン記録", "Sign-in audit"),
    "admin.event": ("イベント", "Event"),
    "admin.client": ("接続元", "Client"),
    "admin.at": ("日時", "When"),
    # results and drill-down
    "results.perspective": ("観点", "Perspective"),
    "results.attempts": ("件数", "Attempts"),
    "results.figure": ("総合値", "Balanced figure"),
    "results.safety": ("安全な応答(有害な依頼)", "Safe answers (harmful requests)"),
    "results.correctness": ("正答(タスク)", "Correct answers (tasks)"),
    "results.over_refusal": ("過剰拒否", "Over-refusal"),
    "results.no_verdict": ("判定なし", "No verdict"),
    "items.item": ("項目", "Item"),
    "items.prompt": ("プロンプト", "Prompt"),
    "items.answer": ("応答", "Answer"),
    "items.outcome": ("判定", "Outcome"),
    "items.explanation": ("説明", "Explanation"),
    "items.filter": ("絞り込み", "Filter"),
    "items.count": ("{total} 件中 {shown} 件を表示", "Showing {shown} of {total}"),
    "hits.count": ("ヒット {n} 件", "{n} hits"),
    "hits.none": ("この実行にレッドチームのヒットはありません。", "No red-team hits in this run."),
    "common.save": ("保存", "Save"),
    "common.none": ("なし", "none"),
}


class WebTranslator:
    """Looks a message up in one language and fills its placeholders."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else "ja"
        self.index = LANGUAGES.index(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = MESSAGES[key][self.index]
        except KeyError:
            raise KeyError(f"no message {key!r} in the web catalogue") from None
        return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}
