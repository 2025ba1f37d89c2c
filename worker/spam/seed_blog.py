"""The seed corpus's blog and news comments, written by the project from templates and vocabularies.

Run ``python -m worker.spam.seed_blog`` to rewrite ``worker/spam/data/seed_blog.jsonl`` (a test checks
that the shipped file is what this module writes). The templates are the project's own: readers of
tutorials, recipes, travel and news articles in English and French, readers arguing with each other
(sport, politics, heated or rude: rude is not spam), and the spam such sites get
(support and booking scams, SEO footers, scam families, counterfeit shops, link drops). Every
choice comes from one seeded random generator, so the file is the same on every run.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

OUTPUT = Path(__file__).with_name("data") / "seed_blog.jsonl"
_SEED = 20261206

_VOCAB: Mapping[str, Sequence[str]] = {
    # readers, English
    "tool": (
        "Docker", "nginx", "pandas", "React", "Django", "Flask", "PostgreSQL", "Redis", "Kubernetes", "Terraform",
        "VS Code", "git", "Excel", "Power BI", "WordPress", "Node", "npm", "Webpack", "Rust", "Go", "Java", "Spring",
        "Laravel", "Angular", "Vue", "TensorFlow", "PyTorch", "Ansible", "Jenkins", "Bash", "PowerShell", "MySQL",
        "SQLite", "Raspberry Pi", "Arduino", "Home Assistant", "Lightroom", "Blender", "Unity", "Godot", "LaTeX",
    ),
    "step": ("step 3", "the second step", "the last step", "step 5", "the install step", "the part about config",
             "the migration step", "the deploy section", "the first command", "the build step"),
    "error": (
        "permission denied", "ModuleNotFoundError: No module named 'yaml'", "connection refused", "a 404 error",
        "a 500 error", "TypeError: undefined is not a function", "segmentation fault", "exit code 137",
        "SSL: CERTIFICATE_VERIFY_FAILED", "a timeout after 30 seconds", "KeyError: 'id'", "port 5432 already in use",
        "out of memory", "a blank page", "a CORS error", "NullPointerException", "command not found",
    ),
    "code": (
        "`docker compose up -d`", "`pip install -r requirements.txt`", "df.groupby('city').sum()",
        "`git rebase -i HEAD~3`", "const x = await fetch(url);", "SELECT * FROM users WHERE id = 1;",
        "`npm run build`", "for i in range(10): print(i)", "`sudo systemctl restart nginx`",
        "`kubectl get pods -n prod`", "=VLOOKUP(A2, B:C, 2, FALSE)", "`ssh -i key.pem user@host`",
    ),
    "name": ("Anna", "Tom", "Julia", "Mark", "Priya", "Kenji", "Sara", "David", "Lucas", "Emma", "Omar", "Nina",
             "Paul", "Chloe", "Marco", "Ines", "Hugo", "Lea", "Sam", "Ravi", "Elena", "Ben", "Mia", "Jonas"),
    "topic": (
        "the recipe", "this tutorial", "the article", "this guide", "the post", "your write-up", "this review",
        "the interview", "this explainer", "the analysis", "the video walkthrough", "this piece",
    ),
    "thing": (
        "the sourdough", "the bread", "the soup", "the lasagna", "the curry", "the cake", "the garden beds",
        "the tomato seedlings", "the hiking route", "the train from Lyon", "the ferry to the islands",
        "the night photos", "the budget spreadsheet", "the camera settings", "the bike repair", "the knitting pattern",
        "the city council vote", "the new tram line", "the school budget", "the election results", "the match",
    ),
    "place": ("Lisbon", "Kyoto", "Montreal", "Berlin", "Oaxaca", "Edinburgh", "Porto", "Marseille", "Seoul",
              "Cape Town", "Vancouver", "Krakow", "Hanoi", "Dublin"),
    "opinion": (
        "I disagree with the part about", "I'm not convinced by", "Good point about", "I had the same experience with",
        "Interesting take on", "I think you're underestimating", "Spot on about", "I'd push back a little on",
    ),
    "subject": ("the budget", "remote work", "the new law", "school meals", "public transport", "rent prices",
                "the referendum", "bike lanes", "the stadium plan", "the heat wave", "the strike", "the museum"),
    # readers, French
    "outil": ("Docker", "Python", "Excel", "WordPress", "Linux", "Ubuntu", "PHP", "Symfony", "React", "Git",
              "LibreOffice", "Home Assistant", "Raspberry Pi", "Arduino", "MySQL", "nginx", "VS Code"),
    "erreur": ("permission refusée", "une erreur 404", "une erreur 500", "« command not found »", "un écran blanc",
               "une erreur de syntaxe", "connexion refusée", "un message d'erreur bizarre", "un timeout"),
    "prenom": ("Julien", "Claire", "Mathieu", "Sophie", "Nicolas", "Camille", "Thomas", "Manon", "Antoine",
               "Pauline", "Karim", "Léa", "Hélène", "Yann", "Amélie", "Rachid", "Lucie", "Vincent"),
    "sujet": ("la recette", "ce tutoriel", "l'article", "ce guide", "votre billet", "ce reportage", "cette analyse",
              "l'interview", "ce dossier", "ce test"),
    "chose": ("la pâte", "le gâteau", "la tarte", "le potager", "les semis", "la randonnée", "le train de nuit",
              "les photos de nuit", "le budget", "la réforme", "le vote au conseil municipal",
              "la nouvelle ligne de tram", "le match", "les élections", "la grève", "le festival"),
    "ville": ("Lyon", "Nantes", "Lille", "Bordeaux", "Rennes", "Grenoble", "Toulouse", "Strasbourg", "Montpellier",
              "Nice", "Brest", "Annecy", "Québec", "Bruxelles", "Genève"),
    "n": ("2", "3", "4", "5", "7", "12"),
    "doc": (
        "https://docs.python.org/3/library/asyncio.html", "https://github.com/psf/requests/issues/4321",
        "https://stackoverflow.com/questions/12345678", "https://developer.mozilla.org/en-US/docs/Web/API/fetch",
        "https://fr.wikipedia.org/wiki/Lyon", "https://kubernetes.io/docs/concepts/", "https://www.service-public.fr/",
        "https://wiki.archlinux.org/title/Systemd", "https://en.wikipedia.org/wiki/Sourdough",
        "https://www.postgresql.org/docs/current/indexes.html",
    ),
    # spam, English
    "brand": ("Gmail", "Yahoo Mail", "Hotmail", "Outlook", "AOL Mail", "QuickBooks", "Norton", "McAfee", "Avast",
              "HP printer", "Canon printer", "Epson printer", "Brother printer", "Netgear router", "Roku", "Coinbase",
              "Binance", "Cash App", "PayPal", "Trust Wallet", "Facebook", "Instagram", "Garmin GPS", "Apple ID"),
    "airline": ("Delta Airlines", "American Airlines", "United Airlines", "Southwest Airlines", "JetBlue",
                "Spirit Airlines", "Frontier Airlines", "Alaska Airlines", "Lufthansa", "Emirates", "Qatar Airways"),
    "phone": ("1-888-555-0199", "+1 (844) 202-5571", "1 800 555 0134", "+1-877-555-0102", "1-8OO-555-0147",
              "+1 866.555.0163", "(855) 555-0121", "+91-98290-55501", "+91 99502 11818", "+44 20 7946 0958",
              "1 - 833 - 555 - 0111", "+1 888 555 0177"),
    "trade": ("SEO company", "web design company", "digital marketing agency", "packers and movers",
              "app development company", "interior designers", "pest control services", "car rental service",
              "hair transplant clinic", "IVF centre", "logo design agency", "software training institute",
              "dental clinic", "real estate agents", "CCTV installation company", "AC repair services"),
    "city": ("Delhi", "Mumbai", "Pune", "Bangalore", "Dubai", "Lahore", "Karachi", "London", "Toronto", "Sydney",
             "Chennai", "Hyderabad", "Noida", "Gurgaon", "Jaipur", "Abu Dhabi", "Melbourne", "Houston"),
    "compliment": (
        "Great post, thanks for sharing.", "Very informative article.", "Nice blog, keep it up!",
        "Thanks for sharing this useful information.", "I really enjoyed reading this.", "Awesome post!",
        "This is really helpful, thank you.", "Well written and very useful.", "Great content as always.",
        "Nice information, keep sharing.", "Excellent post, learned a lot.",
    ),
    "site": ("123movies", "fmovies", "putlocker", "soap2day", "gomovies", "yesmovies"),
    "shoe": ("Nike Air Max 90", "Air Jordan 11 Retro", "Jordan 4s", "Bred 11s", "Nike Air Max TN", "Yeezy 350",
             "Nike Roshe Run", "UGG boots", "Louboutin heels", "Moncler jackets", "Canada Goose parkas"),
    "drug": ("Viagra", "Cialis", "tramadol", "keto pills", "CBD gummies", "weight loss pills"),
    "domain": ("best-deals-online.xyz", "cheap-pills-store.top", "seo-rank-pro.club", "fastloans4u.win",
               "crypto-profit-now.icu", "movies-free-hd.buzz", "casino-royal-bonus.xyz", "top10reviews.site"),
    "niche": ("fitness tips", "makeup tutorials", "gaming videos", "travel vlogs", "guitar covers", "rap music",
              "crypto news", "cooking videos", "prank videos", "dance covers", "beauty hacks", "minecraft builds"),
    "niche_fr": ("vidéos de cuisine", "tutos maquillage", "vidéos gaming", "vlogs voyage", "reprises à la guitare",
                 "sons de rap", "conseils fitness", "vidéos de danse"),
    # spam, French
    "marque": ("Orange", "SFR", "Bouygues", "Free Mobile", "La Poste", "Amazon", "Darty", "Cdiscount", "PayPal",
               "Air France", "EDF", "Canal+"),
    "tel": ("06 12 34 56 78", "07.58.42.13.99", "+33 6 45 78 12 90", "+229 96 45 12 78", "0033 7 81 22 45 67",
            "+225 07 58 44 12 33", "01 84 88 12 34", "09 70 12 45 78"),
    "metier": ("agence SEO", "agence web", "plombier", "serrurier", "entreprise de nettoyage", "déménageur",
               "création de site internet", "cabinet d'avocats", "couvreur", "électricien"),
}  # fmt: skip

_TALK_VOCAB: Mapping[str, Sequence[str]] = {
    "handle": ("jdub77", "NorthSider", "Marie_L", "old_tom", "skeptic42", "CityFan", "RedBaron", "lulu_b",
               "KarenW", "truthseeker", "bigmike", "Zed", "anon1234", "frenchie"),
    "team": ("United", "the Habs", "Lyon", "the Lakers", "Arsenal", "the Rangers", "Marseille", "the Bears",
             "City", "the Canadiens", "PSG", "the Yankees"),
    "who": ("the mayor", "the minister", "the coach", "the referee", "the president", "the council", "the union",
            "the governor", "the owner", "the senator", "the manager", "the board"),
    "equipe": ("l'OM", "le PSG", "l'OL", "Lens", "le Stade Rennais", "les Bleus", "le Canadien", "Nantes"),
    "qui": ("le maire", "le ministre", "l'entraîneur", "l'arbitre", "le gouvernement", "le président", "le syndicat",
            "la mairie", "le préfet", "la direction"),
}  # fmt: skip
"""Words of readers talking to each other (news, sport, politics), drawn with their own random generator."""

_ARGENT_VOCAB: Mapping[str, Sequence[str]] = {
    "banque": ("ma banque", "notre banque", "la banque", "ma banque en ligne", "la Banque Postale", "mon agence",
               "le Crédit Agricole", "la Caisse d'Épargne"),
    "organisme": ("les impôts", "la CAF", "la caisse de retraite", "la Sécu", "France Travail", "la préfecture",
                  "mon assurance", "le propriétaire", "mon employeur", "la mairie", "ma mutuelle"),
    "somme": ("40 €", "120 €", "300 €", "1 200 €", "deux mois de loyer", "la moitié de mon salaire",
              "quelques centaines d'euros", "tout mon découvert"),
    "duree": ("trois semaines", "deux mois", "six semaines", "presque un an", "dix jours", "quatre mois"),
    "papier": ("le formulaire", "ma déclaration", "mes fiches de paie", "le bail", "le dossier", "le justificatif",
               "mes relevés de compte", "la facture", "la demande de remboursement"),
    "tel": _VOCAB["tel"],
    "domain": _VOCAB["domain"],
}  # fmt: skip
"""Words of French readers about their own money (banks, bills, taxes, paperwork), and of the scams that ape them."""

_HAM_EN: Sequence[str] = (
    "I got {error} at {step}. Any idea what I missed?",
    "How can I make this work with {tool}? I tried the same steps and it fails at {step}.",
    "Thanks {name}, {topic} saved me hours. The part about {tool} was exactly what I needed.",
    "Great write-up {name}! Could you do a follow-up on {tool}?",
    "Is there a way to do this without {tool}? Our server is old.",
    "When I run {code} I get {error}. I'm on Windows 11, if that matters.",
    "Small typo in {step}: the command should be {code}.",
    "Does anyone know if this still works with the latest {tool}? I get {error}.",
    "I followed {topic} and {thing} came out great. My kids loved it.",
    "Made {thing} last weekend, it was a hit. I used less sugar than you suggest.",
    "We visited {place} last spring after reading this, and the tip about {thing} was spot on.",
    "{opinion} {subject}. The numbers in the third paragraph don't add up for me.",
    "{opinion} {subject}, but thanks for laying out both sides.",
    "Can you recommend a book or a course to learn {tool} properly?",
    "Hi {name}, quick question: where do you put the config file for {tool}?",
    "This is the clearest explanation of {tool} I've read. Thanks {name}.",
    "I had {error} too. Upgrading {tool} fixed it for me.",
    "For anyone stuck at {step}: restart the terminal, the PATH is only read once.",
    "Why not use {tool} instead? Genuinely curious, not trolling.",
    "My {thing} didn't rise at all, what did I do wrong? The kitchen was cold.",
    "Would love to see the same comparison for {place}.",
    "I live in {place} and this is accurate, although prices went up a lot this year.",
    "The chart on {subject} is misleading, the y axis doesn't start at zero.",
    "Who is paying for {subject}? The article doesn't say.",
    "Thank you {name}, I finally understand how {tool} handles this.",
    "Tried it with {tool} and it works, but {step} needs sudo on Ubuntu.",
    "Any update on {subject}? The council was supposed to vote last week.",
    "Bookmarked. {topic} is going straight into my notes on {tool}.",
    "Same here, {error} on a fresh install. Rolling back to the previous version helped.",
    "Can anyone help me? {code} gives me {error} and I'm out of ideas.",
    "I don't agree with you on {subject}, but it's a fair article.",
    "Lovely photos of {place}! Which lens did you use?",
    "How long can I keep {thing} in the fridge?",
    "What a mess {subject} has become. Thanks for following it so closely.",
    "Great post {name}, really helpful. I'll try {tool} this weekend.",
    "Very nice article, I really enjoyed the part about {thing}.",
    "Nice! Will you write about {tool} next?",
    "Your photos of {place} are beautiful, it makes me want to go back.",
    "I really love this blog, it's my favourite place for recipes like {thing}.",
    "Wow, very informative. I had no idea about {subject}.",
    "Thank you so much, this is exactly what I was looking for.",
    "Awesome, it works now! The trick with {code} did it.",
    "Love it. We made {thing} with the kids and they want it again.",
    "I will definitely try this, {thing} looks amazing.",
    "Keep up the good work {name}, your posts on {tool} are the best.",
    "Haha, the bit about {subject} made my day.",
    "Face it, {subject} was never going to pass with this council.",
    "If you live near {place}, the market on Sundays is worth it.",
    "Happy to see someone finally write about {subject} honestly.",
    "I shared this with my team, we use {tool} every day.",
    "Beautiful writing, you really captured {place}.",
    "Just wanted to say thanks, {topic} is gold.",
    "See {doc} for the details on {tool}.",
    "The official docs explain it well: {doc}",
    "There's an open issue about {error}: {doc}",
    "Customer service at my bank was just as useless, this article nails it.",
    "Support for {tool} ends next year, might be worth a mention.",
    "The number of people affected by {subject} is higher than reported.",
    "What's the version number of {tool} you used? Mine is older.",
    "Best {thing} I've made so far, this is my top recipe now.",
    "Free tip for others: {code} saves a lot of typing.",
    "I'll call the town hall about {subject} tomorrow and report back.",
    "Is there an online version of {topic} I can share with my students?",
    "Contact the maintainers of {tool}, they're very responsive on that issue number.",
    "Thank you for this article, number {n} in the series is my favourite.",
    "Great, the phone number trick in the regex section is exactly what I needed for {tool}.",
)  # fmt: skip
_HAM_FR: Sequence[str] = (
    "J'ai {erreur} à l'étape 3, quelqu'un sait pourquoi ?",
    "Merci {prenom}, {sujet} m'a fait gagner un temps fou avec {outil}.",
    "Comment faire la même chose avec {outil} ? Chez moi ça ne marche pas.",
    "Super article {prenom} ! Tu pourrais faire une suite sur {outil} ?",
    "J'ai testé {chose} ce week-end, un vrai succès. J'ai mis un peu moins de sucre.",
    "Je ne suis pas d'accord sur {chose}, mais l'article est honnête.",
    "Est-ce que ça fonctionne encore avec la dernière version de {outil} ? J'ai {erreur}.",
    "Bonjour {prenom}, petite question : où se trouve le fichier de config de {outil} ?",
    "Nous sommes allés à {ville} après avoir lu {sujet}, merci pour les conseils.",
    "Quelqu'un aurait un livre ou une formation à conseiller pour apprendre {outil} ?",
    "Attention, petite coquille dans la commande, il manque un tiret.",
    "J'habite à {ville} et c'est tout à fait ça, même si les prix ont beaucoup augmenté.",
    "Pourquoi ne pas utiliser {outil} à la place ? Vraie question.",
    "Merci pour {sujet}, très clair. J'ai enfin compris {chose}.",
    "Qui va payer pour {chose} ? L'article ne le dit pas.",
    "Mon gâteau est retombé à la sortie du four, une idée de ce que j'ai raté ?",
    "Même problème ici, {erreur} après la mise à jour de {outil}.",
    "Bravo {prenom} pour {sujet}, c'est rare de lire quelque chose d'aussi nuancé.",
    "Le graphique sur {chose} est trompeur, l'axe ne commence pas à zéro.",
    "Je n'arrive pas à installer {outil}, j'ai {erreur}. Vous avez une piste ?",
    "Très belles photos de {ville} ! Quel objectif utilisez-vous ?",
    "Super article, très intéressant, merci {prenom} !",
    "Merci pour le partage, je vais tester {outil} ce week-end.",
    "Très bon article, j'ai adoré le passage sur {chose}.",
    "Génial, ça marche enfin ! Merci beaucoup.",
    "Votre blog est une mine d'or pour {chose}, continuez comme ça.",
    "J'adore vos recettes, {chose} était parfait.",
    "Tellement vrai pour {ville}, ça me rappelle mes années étudiantes.",
    "Merci, c'est exactement ce que je cherchais.",
    "Voir aussi {doc}, c'est bien expliqué.",
    "Voir {doc} et {doc} pour {outil}.",
    "Le service client de ma banque est tout aussi nul, l'article a raison.",
    "Quel numéro de version de {outil} utilisez-vous ? J'ai {erreur}.",
    "Le nombre de personnes touchées par {chose} est sous-estimé.",
    "J'appellerai la mairie demain pour {chose}, je vous tiens au courant.",
    "Merci pour cet article, le numéro {n} de la série est mon préféré.",
    "On attend toujours des nouvelles sur {chose}, le conseil devait voter la semaine dernière.",
)  # fmt: skip
_SPAM_EN: Sequence[str] = (
    "{brand} customer support number {phone} call now for any issue",
    "{brand} Tech Support Phone Number {phone} Toll Free",
    "Call {phone} for {brand} customer service, our experts are available 24/7",
    "If you face any problem with your {brand} account, dial our toll-free helpline {phone}.",
    "{brand} password recovery number {phone} - instant help",
    "Having trouble with {brand}? Contact our support team at {phone} anytime.",
    "{airline} reservation number {phone} book cheap flights",
    "Call {airline} reservations phone number {phone} for flight change and cancellation",
    "{airline} customer service number {phone} for booking and refunds",
    "{compliment} Top {trade} in {city}",
    "{compliment} We are the best {trade} in {city}.",
    "{compliment} {trade} in {city}",
    "{compliment} Looking for a {trade} in {city}? Contact us.",
    "I am a certified QuickBooks ProAdvisor, call {phone} for QuickBooks error support.",
    "Watch the full movie online free on {site}, no sign up, full HD",
    "Download the cracked version with keygen and serial key, full version free",
    "Love vashikaran specialist baba ji {phone} get your ex back in 3 days",
    "Black magic specialist molvi ji {phone} love problem solution",
    "Lost love back, husband wife problem, love marriage specialist, call {phone}",
    "Powerful spell caster who helped me get my ex back, contact him on WhatsApp {phone}",
    "Do you need a loan? We offer loans at 2% interest, apply for a loan now, email us",
    "Hire a hacker to recover your lost funds and crypto, fund recovery expert, WhatsApp {phone}",
    "I lost $45,000 to a fake broker until a recovery expert helped me recover my lost bitcoin",
    "Cheap {shoe} for sale, free shipping, official site outlet",
    "{shoe} cheap sale online store",
    "Buy {drug} online without prescription, cheap pharmacy, fast delivery",
    "{compliment} https://{domain}",
    "Nice article! Check my site {domain} for more",
    "I found something better here: https://{domain}/best-offer",
    "Visit https://{domain} for the full list, thank me later",
    "Check out my blog at http://{domain}, I write about the same stuff",
    "Wow! http://{domain}/?ref=7741 this changed my life",
    "Earn $500 per day working from home, no experience needed, click here",
    "Best essay writing service, write my essay cheap, assignment help 24/7",
    "Need a fake passport or driver license online? Buy documents, WhatsApp {phone}",
    "Get 10,000 real followers for $5, buy followers and likes",
    "Play online casino and win the jackpot, 200% bonus on your first deposit",
    "Are you facing issues with your {brand}? Our certified experts fix it instantly. Call {phone}.",
    "How to fix {brand} not working? Call {phone} toll free now",
    "{brand} Support | {brand} Helpline Number | {phone}",
    "Book your {airline} ticket at the lowest fare, call our travel desk {phone}",
    "Cancel your {airline} flight? Dial {phone} for an instant refund",
    "Nice post. I work at the best {trade} in {city}, visit our website for more details.",
    "Thanks for the info. If anyone needs a {trade} in {city}, we are here to help.",
    "Get instant loan approval within 24 hours, no credit check, bad credit accepted",
    "I made $8,000 in one week on a bitcoin investment platform, contact my trader on Telegram",
    "Recover your hacked {brand} account, contact our ethical hacker team on WhatsApp {phone}",
    "Buy {shoe} at wholesale price, replica, 90% off, free shipping worldwide",
    "Stream every football match live for free on {site}, HD and no ads",
    "Our {drug} helped me lose 20 kg in a month, order now with free shipping",
    "Hey everyone, please subscribe to my channel, I make {niche}!",
    "Check out my new video, {niche} every week, link in my profile",
    "Follow me on Instagram for daily {niche}, follow for follow!",
    "Please like and share my page, help me reach 1000 followers",
    "I'm a small youtuber making {niche}, any support means a lot, subscribe!",
    "Vote for me in the contest please, link in my bio, it would mean the world",
    "{compliment} Check out my channel too, I do {niche}",
)  # fmt: skip
_SPAM_FR: Sequence[str] = (
    "Grand marabout voyant médium, retour affectif rapide en 3 jours, contactez le {tel}",
    "Puissant marabout africain, retour de l'être aimé, désenvoûtement, appelez le {tel}",
    "Voyance sérieuse par téléphone, voyant médium, retour affectif garanti {tel}",
    "Prêt entre particuliers sérieux et rapide, offre de prêt à 2 %, contactez-moi par mail",
    "Besoin d'un prêt rapide ? Prêteur sérieux, financement rapide sans frais de dossier",
    "Hacker à louer pour récupération de fonds crypto, contactez le {tel} sur WhatsApp",
    "J'ai pu récupérer mon argent grâce à un expert en récupération de fonds, écrivez-lui",
    "Numéro service client {marque} {tel} joignable 7j/7",
    "Contactez le service client {marque} au {tel} pour tout problème de compte",
    "Rachat de crédit et regroupement de crédits, simulation gratuite, appelez le {tel}",
    "Assurance pas chère, mutuelle pas chère, devis gratuit en ligne",
    "Super article, merci pour le partage. Meilleure {metier} à {ville}",
    "Très bon article. {metier} pas cher à {ville}",
    "Nike Air Max pas cher, baskets homme femme, soldes sur le site officiel",
    "Regarder film complet en streaming gratuit sur {site}, sans inscription",
    "Allez voir mon site http://{domain}, vous ne serez pas déçus",
    "Super ! Plus d'infos ici : https://{domain}/promo",
    "Gagnez de l'argent depuis chez vous, 300 € par jour, cliquez ici",
    "Achetez du Viagra sans ordonnance, pharmacie en ligne pas chère",
    "Vous rencontrez un problème avec {marque} ? Appelez le {tel}, assistance 24h/24",
    "Médium voyant sérieux, résultats garantis en 48h, appelez le {tel}",
    "Offre de prêt entre particuliers à taux bas, remboursement sur 10 ans, écrivez-moi",
    "Investissez dans le bitcoin avec un trader expert, gains garantis, WhatsApp {tel}",
    "Merci pour l'article ! Pour un {metier} à {ville}, n'hésitez pas à nous contacter.",
    "Baskets Nike pas cher, livraison gratuite, soldes jusqu'à -70 %, site officiel",
    "Abonnez-vous à ma chaîne, je fais des {niche_fr} !",
    "Allez voir ma dernière vidéo, des {niche_fr} chaque semaine, un petit like svp",
    "Suivez-moi sur Instagram pour plus de {niche_fr}, je follow en retour",
)  # fmt: skip
_TALK_EN: Sequence[str] = (
    "@{handle} you clearly didn't read the article. Try again.",
    "@{handle} please, spare us your theories about {subject}.",
    "Oh please. {who} has been saying the same thing for years and nothing ever changes.",
    "You are the problem we have in this country, not {subject}.",
    "Get a life. Nobody cares what you think about {team}.",
    "{team} lost again and {who} still has a job? Unbelievable.",
    "Our players looked lost out there tonight. {who} needs to go.",
    "What a joke. {who} should be ashamed, and so should everyone who voted for this.",
    "Are you serious? That's the dumbest take on {subject} I've read all week.",
    "lol you lost the argument the moment you brought up {team}",
    "I'll bet you anything {who} backs down on {subject} by next month.",
    "Shut up and let the rest of us talk about the game.",
    "Wow, what a well reasoned rebuttal. You really changed my mind. Not.",
    "Back in my day {team} would have won that by ten.",
    "Stop crying about {subject}, you lost the vote, move on.",
    "My money is on {team} this year, the rest of the league looks weak.",
    "Our taxes pay for this and {who} won't even answer a simple question.",
    "They're all the same, left or right, they only look after their own.",
    "Have you even been to {place}? Didn't think so.",
    "Seriously, who writes this stuff? Half of it is wrong.",
    "You're an idiot if you think {who} cares about us.",
    "I'm so tired of people like you ruining every thread about {subject}.",
    "Your comment makes no sense at all. Read it again slowly.",
    "Nice try, troll. Everyone can see your post history.",
    "Not everyone lives in a big city, some of us need a car. Get off your high horse.",
    "Typical. {who} gets a raise while the rest of us pay more for {subject}.",
    "Man, that last minute goal. I screamed so loud the neighbours knocked.",
    "Come back when {team} wins something, we'll talk.",
    "We lost our shop because of {subject}, so no, it's not fine.",
    "Good riddance. {who} was a disaster from day one.",
    "I don't care about your opinion, and neither does anyone here.",
    "Sorry, but you have no idea how {subject} works in real life.",
    "This thread is a mess. Can we get back to {subject} please?",
    "Lmao, {handle} getting destroyed in the replies again.",
    "My dad worked there thirty years and they treated him like dirt.",
    "Everyone complains about {subject} but nobody shows up to vote.",
)  # fmt: skip
_TALK_FR: Sequence[str] = (
    "@{handle} tu n'as visiblement pas lu l'article.",
    "Arrêtez de pleurer sur {chose}, vous avez perdu le vote, passez à autre chose.",
    "N'importe quoi. {qui} se moque de nous depuis des années.",
    "Vous ne comprenez rien, restez donc entre vous à Paris.",
    "{equipe} a encore perdu et {qui} est toujours là ? Incroyable.",
    "Quelle honte. {qui} devrait démissionner, et vite.",
    "Ma vie ne change pas d'un iota avec {chose}, comme d'habitude.",
    "Retour à la case départ pour {chose}, merci {qui}.",
    "Tu es sérieux ? C'est l'avis le plus bête que j'ai lu sur {chose}.",
    "Mdr tu as perdu le débat dès que tu as parlé de {equipe}.",
    "On paie des impôts pour ça et {qui} ne répond même pas aux questions.",
    "Ils sont tous pareils, de gauche comme de droite.",
    "Franchement, qui écrit ces articles ? La moitié est fausse.",
    "Tu es vraiment un abruti si tu crois que {qui} pense à nous.",
    "Ton commentaire n'a aucun sens, relis-toi.",
    "Bien essayé, le troll. Tout le monde voit ton historique.",
    "Tout le monde ne vit pas en ville, certains ont besoin de leur voiture.",
    "Typique. {qui} s'augmente pendant qu'on paie plus pour {chose}.",
    "Ce but à la dernière minute ! J'ai hurlé, les voisins ont tapé au mur.",
    "Reviens quand {equipe} aura gagné quelque chose.",
    "On a perdu notre commerce à cause de {chose}, alors non, tout ne va pas bien.",
    "Bon débarras, {qui} était une catastrophe depuis le premier jour.",
    "Ton avis, tout le monde s'en fiche ici.",
    "Désolé mais tu ne sais pas comment ça se passe en vrai.",
    "Tout le monde râle sur {chose} mais personne ne va voter.",
    "Mon père a bossé là-bas trente ans et ils l'ont traité comme un chien.",
    "En même temps, qu'est-ce que tu attendais de {qui} ?",
    "Je fais rarement des commentaires mais là c'est trop, {qui} exagère.",
)  # fmt: skip
_ARGENT_HAM: Sequence[str] = (
    "{banque} a gelé {somme} sur notre compte joint pendant {duree}, il a fallu trois courriers.",
    "{organisme} a perdu {papier} deux fois, il m'a fallu {duree} pour être remboursé.",
    "J'ai payé {somme} de frais l'an dernier et {banque} ne m'a jamais expliqué pourquoi.",
    "Merci pour le tableau du budget, je vois enfin où partent mes {somme} chaque mois.",
    "Mon compte a été bloqué {duree} pour une erreur dans {papier}, personne chez {banque} ne savait quoi faire.",
    "{organisme} me doit encore {somme}, j'ai envoyé {papier} en mars.",
    "Quelqu'un sait si {organisme} accepte {papier} par mail, ou seulement par courrier ?",
    "On a économisé {somme} en changeant d'assurance, mais les démarches ont pris {duree}.",
    "L'article oublie que beaucoup de gens n'ont aucune épargne, une facture et c'est le découvert.",
    "Le loyer a pris {somme} ici et mon salaire n'a pas bougé, ça ne peut pas durer.",
    "J'ai attendu {duree} mon remboursement des impôts, c'est normal cette année ?",
    "{banque} m'a pris {somme} pour un virement à l'étranger, sans prévenir.",
    "Ma mère a eu le même souci avec sa retraite, {duree} sans un sou et aucune réponse.",
)  # fmt: skip
"""French readers about their own money: a bank, a bill, the tax office, in the past tense and the first person."""
_ARGENT_SPAM: Sequence[str] = (
    "Vous avez droit à un remboursement de {somme}, validez votre dossier ici : https://{domain}",
    "Votre compte sera suspendu sous 24h, mettez à jour vos informations sur https://{domain}",
    "Placement garanti à 12 % par an, sans risque, doublez votre épargne en {duree}, écrivez-moi sur WhatsApp {tel}",
    "Besoin d'argent rapidement ? Crédit accordé sans justificatif en 24h, appelez le {tel}",
    "J'ai gagné {somme} par semaine grâce à ce trader, contactez-le vite au {tel}",
    "Votre colis est bloqué, réglez les frais de douane sur https://{domain} pour le recevoir",
    "Remboursement de vos impôts en attente : confirmez votre carte bancaire sur https://{domain}",
    "J'avais perdu {somme} avec un faux courtier, un expert m'a tout fait récupérer en {duree}. Je vous le recommande,"
    " écrivez-lui sur WhatsApp {tel}",
    "Ma banque refusait mon crédit, ce prêteur sérieux me l'a accordé en {duree}. Contactez-le de ma part au {tel}",
)  # fmt: skip
"""The scams that ape a bank or an administration: refunds, suspended accounts, guaranteed returns, easy credit."""
# Spam and legitimate comments draw their authors from the same names: a name is no evidence.
_FIRST_NAMES = (
    "Alex",
    "Jordan",
    "Maria",
    "Kevin",
    "Aisha",
    "Lena",
    "Pierre",
    "Nadia",
    "Chris",
    "Ming",
    "Fatou",
    "Ivan",
)

_PER_TEMPLATE = {
    "ham_en": 8, "ham_fr": 9, "spam_en": 7, "spam_fr": 9, "talk_en": 2, "talk_fr": 2, "argent_ham": 4, "argent_spam": 3,
}  # fmt: skip


def _fill(template: str, rng: random.Random, vocab: Mapping[str, Sequence[str]] = _VOCAB) -> str:
    return template.format_map({key: rng.choice(values) for key, values in vocab.items()})


def rows() -> Iterator[dict[str, object]]:
    """Yield the generated rows (label, language, author_name, author_url, content), each text once."""
    rng = random.Random(_SEED)  # noqa: S311 - reproducible text, not secrets
    talk = {**_VOCAB, **_TALK_VOCAB}
    groups = (
        ("ham_en", _HAM_EN, "ham", "en", _VOCAB),
        ("ham_fr", _HAM_FR, "ham", "fr", _VOCAB),
        ("spam_en", _SPAM_EN, "spam", "en", _VOCAB),
        ("spam_fr", _SPAM_FR, "spam", "fr", _VOCAB),
        ("talk_en", _TALK_EN, "ham", "en", talk),  # last, so that the rows above stay as they were
        ("talk_fr", _TALK_FR, "ham", "fr", talk),
        ("argent_ham", _ARGENT_HAM, "ham", "fr", _ARGENT_VOCAB),  # last too, for the same reason
        ("argent_spam", _ARGENT_SPAM, "spam", "fr", _ARGENT_VOCAB),
    )
    seen: set[str] = set()
    for group, templates, label, language, vocab in groups:
        for template in templates:
            for _ in range(_PER_TEMPLATE[group]):
                content = _fill(template, rng, vocab)
                if content in seen:
                    continue
                seen.add(content)
                yield {
                    "label": label,
                    "language": language,
                    "author_name": rng.choice(_FIRST_NAMES),
                    "author_url": None,
                    "content": content,
                }


def render() -> str:
    """Return the JSON lines file this module writes."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows())


def main(argv: Sequence[str]) -> int:
    """Write the generated corpus to ``OUTPUT`` (or to the path given)."""
    path = Path(argv[1]) if len(argv) > 1 else OUTPUT
    path.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
