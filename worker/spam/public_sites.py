"""Sites a reader cites that nobody can open a page on to sell from: public bodies off the government zones, and
the news desks of newspapers and news channels.

A French reader cites ``service-public.fr``, ``ameli.fr`` or ``insee.fr`` as often as ``impots.gouv.fr``, a British one
``fca.org.uk`` (its warning list of clone firms) as often as ``gov.uk``: public
bodies whose domains are not under a government zone (:data:`worker.spam.site_links.GOVERNMENT_SUFFIXES`), yet
only they publish there. A reader arguing about the news links the newspaper's article; a paper or a news channel
publishes its own journalists' pages, and its sponsored pages sell nothing through a comment. Their readers'
blogs and clubs (``blogs.mediapart.fr``, ``lecercle.lesechos.fr``) are open to anyone, so they are not counted.
"""

from __future__ import annotations

import re

from worker.spam.urls import host_under_any

PUBLIC_BODIES = frozenset(
    {
        # France: services, social security, statistics, health, courts and assemblies, agencies
        "service-public.fr", "vie-publique.fr", "ameli.fr", "caf.fr", "msa.fr", "urssaf.fr",
        "lassuranceretraite.fr", "info-retraite.fr", "francetravail.fr", "pole-emploi.fr", "insee.fr",
        "banque-france.fr", "amf-france.org", "santepubliquefrance.fr", "has-sante.fr", "sante.fr", "inserm.fr",
        "cnrs.fr", "inrae.fr", "ademe.fr", "cnil.fr", "defenseurdesdroits.fr", "courdecassation.fr",
        "conseil-etat.fr", "conseil-constitutionnel.fr", "ccomptes.fr", "assemblee-nationale.fr", "senat.fr",
        "elysee.fr", "meteofrance.com", "meteofrance.fr", "ign.fr", "onisep.fr", "cned.fr",
        # French-speaking neighbours
        "belgium.be", "public.lu", "guichet.lu", "quebec.ca", "canada.ca",
        # English: money regulators, compensation schemes, ombudsmen, public advice (off .gov and .gov.uk)
        "fca.org.uk", "bankofengland.co.uk", "fscs.org.uk", "financial-ombudsman.org.uk", "moneyhelper.org.uk",
        "citizensadvice.org.uk", "nice.org.uk", "finra.org",
        # where scams are reported, off the government zones (a warning sends readers there)
        "signal-spam.fr", "phishing-initiative.fr", "phishing-initiative.eu", "33700.fr",
        "antifraudcentre-centreantifraude.ca",
    }
)  # fmt: skip
"""Public bodies' own domains (subdomains included) outside the government zones."""
NEWS_DESKS = frozenset(
    {
        # France: national and regional papers, news channels
        "lemonde.fr", "lefigaro.fr", "liberation.fr", "leparisien.fr", "ouest-france.fr", "20minutes.fr",
        "lesechos.fr", "latribune.fr", "lexpress.fr", "lepoint.fr", "nouvelobs.com", "humanite.fr", "la-croix.com",
        "mediapart.fr", "courrierinternational.com", "sudouest.fr", "ladepeche.fr", "lavoixdunord.fr",
        "leprogres.fr", "ledauphine.com", "midilibre.fr", "nicematin.com", "laprovence.com", "dna.fr",
        "estrepublicain.fr", "letelegramme.fr", "lamontagne.fr", "francetvinfo.fr", "tf1info.fr", "lci.fr",
        "bfmtv.com", "france24.com", "rfi.fr", "franceinfo.fr", "radiofrance.fr", "rtl.fr", "europe1.fr", "lejdd.fr",
        "marianne.net", "challenges.fr", "lesinrocks.com", "telerama.fr", "lalsace.fr", "republicain-lorrain.fr",
        "lanouvellerepublique.fr", "lejsl.com", "bienpublic.com", "leberry.fr", "lunion.fr", "paris-normandie.fr",
        "charentelibre.fr", "larepubliquedespyrenees.fr", "ledauphine.fr", "corsematin.com", "afp.com",
        # French-speaking neighbours
        "lesoir.be", "lalibre.be", "letemps.ch", "24heures.ch", "tdg.ch", "lapresse.ca", "ledevoir.com",
        "journaldemontreal.com", "radio-canada.ca",
        # English: wire services, national and city papers, news channels and magazines
        "theguardian.com", "reuters.com", "apnews.com", "nytimes.com", "washingtonpost.com", "ft.com",
        "economist.com", "wsj.com", "bloomberg.com", "usatoday.com", "latimes.com", "chicagotribune.com",
        "bostonglobe.com", "npr.org", "pbs.org", "cnn.com", "nbcnews.com", "cbsnews.com", "abcnews.go.com",
        "foxnews.com", "politico.com", "politico.eu", "axios.com", "thehill.com", "theatlantic.com", "newyorker.com",
        "time.com", "newsweek.com", "thedailybeast.com", "vox.com", "slate.com", "propublica.org", "csmonitor.com",
        "wired.com", "arstechnica.com", "theverge.com", "independent.co.uk", "telegraph.co.uk", "thetimes.co.uk",
        "news.sky.com", "irishtimes.com", "cbc.ca", "theglobeandmail.com", "abc.net.au", "smh.com.au",
        "aljazeera.com", "dw.com", "euronews.com",
    }
)  # fmt: skip
"""Newspapers' and news channels' own domains (subdomains included, but not their readers' blogs and clubs).
Not a broadcaster's whole site (``france.tv``, ``rtbf.be``, ``bbc.co.uk``): it also holds its shows' contests,
whose contestants link their audition page to be voted for."""
_OPEN_TO_READERS = re.compile(r"(?:^|\.)[a-z0-9-]*(?:blog|club|cercle|contrib)[a-z0-9-]*\.")
"""A subdomain where readers publish ("blogs.", "club.", "lecercle.", "contributions.")."""


def is_public_site(host: str) -> bool:
    """Tell whether ``host`` (lower case, no ``www.``) is a public body's or a news desk's, not a readers' corner."""
    if host_under_any(host, PUBLIC_BODIES):
        return True
    return host_under_any(host, NEWS_DESKS) and _OPEN_TO_READERS.search(host) is None
