"""The moderators' pages in English and French: the moderator's choice (a cookie), else the browser's."""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("en", "fr")

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "title": "Moderation queue",
        "login.title": "Moderators: log in",
        "login.name": "Name",
        "login.password": "Password",
        "login.submit": "Log in",
        "login.bad": "Wrong name or password.",
        "login.throttled": "Too many failed logins: try again in {seconds} s.",
        "logout": "Log out",
        "logged_in_as": "Logged in as {name}",
        "tab.flagged": "Flagged",
        "tab.approved": "Approved",
        "tab.rejected": "Rejected",
        "tab.all": "All",
        "tabs": "Comment status",
        "filters": "Filters",
        "filter.post": "Post",
        "filter.check": "Check",
        "filter.reason": "Reason code",
        "filter.search": "Search",
        "filter.order": "Order",
        "order.oldest": "Oldest first",
        "order.newest": "Newest first",
        "filter.apply": "Apply",
        "filter.clear": "Clear filters",
        "empty": "Nothing here.",
        "page": "Page {page} of {pages}",
        "previous": "Previous page",
        "next": "Next page",
        "approve": "Approve",
        "reject": "Reject",
        "spam": "Spam",
        "reject.reason": "Reason",
        "reject.none": "(no reason)",
        "reject.note": "Note",
        "select": "Select the comment by {author}",
        "selected": "With the selected comments",
        "all_matching": "All {total} matching",
        "undo": "Undo my last action",
        "campaign": "{n} similar",
        "campaign.reject": "Reject the campaign ({n})",
        "history": "History",
        "history.title": "History of comment {id}",
        "history.none": "No change recorded.",
        "history.from_to": "{from} → {to}",
        "author": "Author",
        "author.history": "On this site: {approved} approved, {rejected} rejected, {flagged} flagged",
        "author.website": "website",
        "in_reply_to": "in reply to {id}",
        "on_post": "on {post}",
        "spam_score": "Spam score {score} (threshold {threshold})",
        "reasons": "Reasons",
        "decided_by": "Decided by {name}",
        "notice.done": "{verb}: {n} comment(s).",
        "notice.already": "Already decided by {name}: {id} ({status}). Nothing was overwritten.",
        "notice.missing": "{n} comment(s) no longer exist.",
        "notice.undone": "Undone: {n} comment(s) back to their previous status.",
        "notice.skipped": "{n} comment(s) were decided again since, and left alone.",
        "notice.nothing_to_undo": "Nothing to undo (none, or too old).",
        "notice.none_selected": "Select at least one comment.",
        "notice.error": "{field}: {error}",
        "new": "{n} new: show them",
        "keys": "Keyboard shortcuts",
        "keys.show": "Keys (?)",
        "keys.close": "Close",
        "key.j": "next comment",
        "key.k": "previous comment",
        "key.a": "approve",
        "key.d": "reject (choose a reason)",
        "key.s": "spam",
        "key.x": "select",
        "key.z": "undo",
        "key./": "search",
        "key.?": "this list",
        "language": "Français",
        "comment_by": "Comment by {author}",
        "skip": "Skip to the comments",
        "verb.approve": "Approved",
        "verb.reject": "Rejected",
        "verb.spam": "Marked as spam",
    },
    "fr": {
        "title": "File de modération",
        "login.title": "Modération : connexion",
        "login.name": "Nom",
        "login.password": "Mot de passe",
        "login.submit": "Se connecter",
        "login.bad": "Nom ou mot de passe incorrect.",
        "login.throttled": "Trop d'échecs de connexion : réessayez dans {seconds} s.",
        "logout": "Se déconnecter",
        "logged_in_as": "Connecté·e : {name}",
        "tab.flagged": "À revoir",
        "tab.approved": "Approuvés",
        "tab.rejected": "Rejetés",
        "tab.all": "Tous",
        "tabs": "Statut des commentaires",
        "filters": "Filtres",
        "filter.post": "Article",
        "filter.check": "Contrôle",
        "filter.reason": "Code de motif",
        "filter.search": "Rechercher",
        "filter.order": "Ordre",
        "order.oldest": "Plus anciens d'abord",
        "order.newest": "Plus récents d'abord",
        "filter.apply": "Appliquer",
        "filter.clear": "Effacer les filtres",
        "empty": "Rien ici.",
        "page": "Page {page} sur {pages}",
        "previous": "Page précédente",
        "next": "Page suivante",
        "approve": "Approuver",
        "reject": "Rejeter",
        "spam": "Spam",
        "reject.reason": "Motif",
        "reject.none": "(sans motif)",
        "reject.note": "Note",
        "select": "Sélectionner le commentaire de {author}",
        "selected": "Avec les commentaires sélectionnés",
        "all_matching": "Les {total} correspondants",
        "undo": "Annuler ma dernière action",
        "campaign": "{n} similaires",
        "campaign.reject": "Rejeter la campagne ({n})",
        "history": "Historique",
        "history.title": "Historique du commentaire {id}",
        "history.none": "Aucun changement enregistré.",
        "history.from_to": "{from} → {to}",
        "author": "Auteur",
        "author.history": "Sur ce site : {approved} approuvés, {rejected} rejetés, {flagged} à revoir",
        "author.website": "site web",
        "in_reply_to": "en réponse à {id}",
        "on_post": "sur {post}",
        "spam_score": "Score de spam {score} (seuil {threshold})",
        "reasons": "Motifs",
        "decided_by": "Décidé par {name}",
        "notice.done": "{verb} : {n} commentaire(s).",
        "notice.already": "Déjà décidé par {name} : {id} ({status}). Rien n'a été écrasé.",
        "notice.missing": "{n} commentaire(s) n'existent plus.",
        "notice.undone": "Annulé : {n} commentaire(s) revenus à leur statut précédent.",
        "notice.skipped": "{n} commentaire(s) ont été décidés de nouveau depuis : inchangés.",
        "notice.nothing_to_undo": "Rien à annuler (aucune action, ou trop ancienne).",
        "notice.none_selected": "Sélectionnez au moins un commentaire.",
        "notice.error": "{field} : {error}",
        "new": "{n} nouveaux : les afficher",
        "keys": "Raccourcis clavier",
        "keys.show": "Touches (?)",
        "keys.close": "Fermer",
        "key.j": "commentaire suivant",
        "key.k": "commentaire précédent",
        "key.a": "approuver",
        "key.d": "rejeter (choisir un motif)",
        "key.s": "spam",
        "key.x": "sélectionner",
        "key.z": "annuler",
        "key./": "rechercher",
        "key.?": "cette liste",
        "language": "English",
        "comment_by": "Commentaire de {author}",
        "skip": "Aller aux commentaires",
        "verb.approve": "Approuvés",
        "verb.reject": "Rejetés",
        "verb.spam": "Marqués comme spam",
    },
}


def choose(cookie: str | None, accept_language: str) -> str:
    """The moderator's language: the cookie's when valid, else the first of the browser's that the pages speak."""
    if cookie in LANGUAGES:
        return cookie
    ranked = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.split("-")[0].lower()))
    return next((tag for _, _, tag in sorted(ranked) if tag in LANGUAGES), "en")


def translator(language: str) -> Callable[..., str]:
    """``t(key, **values)``: the message in ``language``, with its values filled in."""
    messages = MESSAGES.get(language, MESSAGES["en"])

    def t(key: str, **values: object) -> str:
        return messages.get(key, MESSAGES["en"].get(key, key)).format(**values)

    return t
